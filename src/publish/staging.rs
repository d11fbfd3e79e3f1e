//! The site is written into a staging folder beside its destination, then
//! replaces it whole: a reader never sees half a site, and a run that fails
//! leaves the old one as it was. Only a folder redress wrote (it holds
//! [`MARKER`]) or an empty one is ever replaced.
//!
//! The staging folder is the one staged-folder writer's
//! ([`crate::staged`], as for a case's folder): a fresh name created
//! exclusively, removed if the run fails, and exchanged with the old site
//! in one rename. What this module adds is the site's own: the marker,
//! files linked from the old site where they are unchanged, and a log of
//! the paths written.

use std::fs;
use std::path::{Path, PathBuf};

use super::error::{MARKER, SiteError};
use super::file::SiteFile;
use crate::staged::StagedDir;

/// Refuses to replace a folder that is not a site redress wrote.
pub(super) fn check_replaceable(site: &Path) -> Result<(), SiteError> {
    if !site.exists() {
        return Ok(());
    }
    let io = |error| SiteError::Io {
        path: site.to_path_buf(),
        error,
    };
    if !site.is_dir() {
        return Err(SiteError::NotASite(site.to_path_buf()));
    }
    let empty = fs::read_dir(site).map_err(io)?.next().is_none();
    if empty || site.join(MARKER).is_file() {
        Ok(())
    } else {
        Err(SiteError::NotASite(site.to_path_buf()))
    }
}

/// The folder a site is written into before it replaces the old one.
pub(super) struct Staging {
    staged: StagedDir,
    site: PathBuf,
    /// The site being replaced, when it is one redress wrote: a file
    /// written with the same bytes as its old one is linked to it instead,
    /// so that replacing the site frees only what changed.
    old: Option<PathBuf>,
    /// The paths written while a log is kept ([`Staging::log`]).
    log: std::sync::Mutex<Option<Vec<String>>>,
}

impl Staging {
    pub(super) fn new(site: &Path) -> Result<Self, SiteError> {
        let name = site
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("site")
            .to_string();
        let parent = match site.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |error| SiteError::Io { path, error }
        };
        fs::create_dir_all(&parent).map_err(io(&parent))?;
        let staged = StagedDir::beside(&parent, &name).map_err(io(site))?;
        Ok(Self {
            staged,
            site: site.to_path_buf(),
            old: site.join(MARKER).is_file().then(|| site.to_path_buf()),
            log: std::sync::Mutex::new(None),
        })
    }

    /// Starts (`true`) or ends (`false`) a log of the paths written; ending
    /// returns them.
    pub(super) fn log(&self, keep: bool) -> Vec<String> {
        let mut log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        let written = log.take().unwrap_or_default();
        if keep {
            *log = Some(Vec::new());
        }
        written
    }

    pub(super) fn write(&self, path: &str, bytes: &[u8]) -> Result<(), SiteError> {
        self.write_one(path, bytes)
            .map_err(|(path, error)| SiteError::Io { path, error })
    }

    /// The staging folder.
    pub(super) fn dir(&self) -> &Path {
        self.staged.path()
    }

    /// A file's place in the staging folder.
    pub(super) fn path(&self, path: &str) -> PathBuf {
        self.dir().join(path)
    }

    /// A new file in the staging folder, to be written piece by piece.
    pub(super) fn create(&self, path: &str) -> std::io::Result<std::io::BufWriter<fs::File>> {
        let full = self.fresh(path)?;
        Ok(std::io::BufWriter::new(fs::File::create(full)?))
    }

    /// Takes a file of the old site as it is: a hard link (the old site is
    /// removed once the new one is in place, and no file is ever written
    /// through a link), or a copy where links cannot be made.
    pub(super) fn link(&self, old_site: &Path, path: &str) -> std::io::Result<()> {
        let from = old_site.join(path);
        if !fs::symlink_metadata(&from)?.is_file() {
            return Err(std::io::Error::other("not a plain file"));
        }
        let to = self.fresh(path)?;
        if fs::hard_link(&from, &to).is_err() {
            fs::copy(&from, &to)?;
        }
        Ok(())
    }

    /// Makes room for a new file at `path`: its folder made, and whatever
    /// was there (a link to the old site's file) removed rather than
    /// written through.
    fn fresh(&self, path: &str) -> std::io::Result<PathBuf> {
        if let Some(log) = self.log.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
            log.push(path.to_string());
        }
        let full = self.dir().join(path);
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent)?;
        }
        match fs::remove_file(&full) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        Ok(full)
    }

    fn write_one(&self, path: &str, bytes: &[u8]) -> Result<(), (PathBuf, std::io::Error)> {
        let full = self.fresh(path).map_err(|e| (self.dir().join(path), e))?;
        if let Some(old) = self.unchanged(
            path,
            |old| fs::read(old).is_ok_and(|b| b == bytes),
            bytes.len(),
        ) && fs::hard_link(&old, &full).is_ok()
        {
            return Ok(());
        }
        fs::write(&full, bytes).map_err(|e| (full.clone(), e))
    }

    /// The old site's file at `path` when it is a plain file of `len` bytes
    /// that `same` accepts.
    fn unchanged(&self, path: &str, same: impl Fn(&Path) -> bool, len: usize) -> Option<PathBuf> {
        let old = self.old.as_ref()?.join(path);
        let meta = fs::symlink_metadata(&old).ok()?;
        (meta.is_file() && meta.len() == len as u64 && same(&old)).then_some(old)
    }

    /// A file written piece by piece ([`create`](Self::create)) that came out
    /// the same as the old site's is replaced by a link to it.
    pub(super) fn settle(&self, path: &str) -> std::io::Result<()> {
        let full = self.dir().join(path);
        let bytes = fs::read(&full)?;
        if let Some(old) = self.unchanged(
            path,
            |old| fs::read(old).is_ok_and(|b| b == bytes),
            bytes.len(),
        ) {
            let linked = full.with_extension("link");
            if fs::hard_link(&old, &linked).is_ok() {
                fs::rename(&linked, &full)?;
            }
        }
        Ok(())
    }

    /// Writes a case's files; on failure removes those already written.
    pub(super) fn write_all(&self, files: &[SiteFile]) -> Result<(), (PathBuf, std::io::Error)> {
        for (i, file) in files.iter().enumerate() {
            if let Err(e) = self.write_one(&file.path, &file.bytes) {
                for written in &files[..i] {
                    let _ = fs::remove_file(self.dir().join(&written.path));
                }
                return Err(e);
            }
        }
        Ok(())
    }

    /// Puts the staging folder in the site's place.
    pub(super) fn finish(self) -> Result<(), SiteError> {
        self.write(
            MARKER,
            b"This folder is a site written by `redress publish`; each run replaces it whole.\nIts .redress folder keeps what the next run needs to make only what changed: deploy the site without it.\n",
        )?;
        let existing = self.site.exists();
        self.staged
            .put_in_place(&self.site, existing)
            .map_err(|error| SiteError::Io {
                path: self.site.clone(),
                error,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::staged::names_in as names;

    #[test]
    fn a_site_is_staged_beside_itself_and_replaced_whole() {
        let out = tempfile::tempdir().unwrap();
        let site = out.path().join("site");
        let staging = Staging::new(&site).unwrap();
        staging.write("index.html", b"one").unwrap();
        staging.finish().unwrap();
        assert_eq!(names(&site), [MARKER, "index.html"]);
        fs::write(site.join("stale.html"), b"old").unwrap();
        let staging = Staging::new(&site).unwrap();
        staging.write("about.html", b"two").unwrap();
        staging.finish().unwrap();
        assert_eq!(names(&site), [MARKER, "about.html"]);
        assert_eq!(names(out.path()), ["site"], "no staging folder left");
    }

    #[test]
    fn a_run_that_fails_leaves_the_old_site_and_no_staging_folder() {
        let out = tempfile::tempdir().unwrap();
        let site = out.path().join("site");
        let staging = Staging::new(&site).unwrap();
        staging.write("index.html", b"one").unwrap();
        staging.finish().unwrap();
        let staging = Staging::new(&site).unwrap();
        staging.write("index.html", b"two").unwrap();
        drop(staging);
        assert_eq!(fs::read(site.join("index.html")).unwrap(), b"one");
        assert_eq!(names(out.path()), ["site"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_beside_the_site_is_not_followed() {
        let out = tempfile::tempdir().unwrap();
        let victim = tempfile::tempdir().unwrap();
        // The name the staging folder once had, known in advance.
        let planted = out
            .path()
            .join(format!(".site.staging-{}", std::process::id()));
        std::os::unix::fs::symlink(victim.path(), &planted).unwrap();
        let site = out.path().join("site");
        let staging = Staging::new(&site).unwrap();
        staging.write("index.html", b"one").unwrap();
        staging.finish().unwrap();
        assert!(fs::read_dir(victim.path()).unwrap().next().is_none());
        assert!(planted.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(names(&site), [MARKER, "index.html"]);
    }
}
