//! The site is written into a staging folder beside its destination, then
//! replaces it whole: a reader never sees half a site, and a run that fails
//! leaves the old one as it was. Only a folder redress wrote (it holds
//! [`MARKER`]) or an empty one is ever replaced.

use std::fs;
use std::path::{Path, PathBuf};

use super::case::SiteFile;
use super::site::{MARKER, SiteError};

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
    dir: PathBuf,
    site: PathBuf,
    /// The site being replaced, when it is one redress wrote: a file
    /// written with the same bytes as its old one is linked to it instead,
    /// so that replacing the site frees only what changed.
    old: Option<PathBuf>,
    done: std::sync::atomic::AtomicBool,
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
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        let io = |error| SiteError::Io {
            path: dir.clone(),
            error,
        };
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(io)?;
        }
        fs::create_dir_all(&dir).map_err(io)?;
        Ok(Self {
            dir,
            site: site.to_path_buf(),
            old: site.join(MARKER).is_file().then(|| site.to_path_buf()),
            done: std::sync::atomic::AtomicBool::new(false),
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
        &self.dir
    }

    /// A file's place in the staging folder.
    pub(super) fn path(&self, path: &str) -> PathBuf {
        self.dir.join(path)
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
        let full = self.dir.join(path);
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
        let full = self.fresh(path).map_err(|e| (self.dir.join(path), e))?;
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
        let full = self.dir.join(path);
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
                    let _ = fs::remove_file(self.dir.join(&written.path));
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
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |error| SiteError::Io { path, error }
        };
        if self.site.exists() {
            let old = self.dir.with_file_name(format!(
                "{}.old",
                self.dir
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("site")
            ));
            fs::rename(&self.site, &old).map_err(io(&self.site))?;
            if let Err(error) = fs::rename(&self.dir, &self.site) {
                let _ = fs::rename(&old, &self.site);
                return Err(SiteError::Io {
                    path: self.site.clone(),
                    error,
                });
            }
            let _ = fs::remove_dir_all(&old);
        } else {
            fs::rename(&self.dir, &self.site).map_err(io(&self.site))?;
        }
        self.done.store(true, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done.load(std::sync::atomic::Ordering::Relaxed) {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}
