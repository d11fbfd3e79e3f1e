//! The one staged-folder writer: a folder is written whole under a fresh
//! name beside its destination, then put in the destination's place in one
//! step, so that a reader sees the old folder or the new one, never half of
//! either, and a failure leaves the old one as it was.
//!
//! The fresh folder is `.<name>.<random>.tmp`, created exclusively (an
//! existing folder or link at the name is never used or followed), and
//! removed with everything in it if it is dropped before it is put in
//! place, so also if anything fails or panics. Putting it in place
//! exchanges it with the old folder in one rename where the system can
//! (Linux's `renameat2`), and then removes the old one.
//!
//! Both writers of whole folders use it: the write stage, for a case's
//! folder (`pipeline::write`), and the site (`publish::staging`).

use std::fs;
use std::io::{Read, Write};
use std::path::Path;

/// A folder being written beside its destination; dropping it before it
/// is put in place removes it.
pub struct StagedDir {
    dir: tempfile::TempDir,
}

impl StagedDir {
    /// A fresh folder beside `name` in `parent` (which must exist).
    pub fn beside(parent: &Path, name: &str) -> std::io::Result<Self> {
        Ok(Self {
            dir: staging_dir(parent, name, 6)?,
        })
    }

    /// Where the folder is being written.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Puts the folder in `dest`'s place: exchanged with the folder there
    /// when there is one (`existing`), which is then removed, else renamed
    /// to `dest`. On failure `dest` is left as it was and the staged folder
    /// is removed.
    pub fn put_in_place(self, dest: &Path, existing: bool) -> std::io::Result<()> {
        if existing {
            swap(self.path(), dest)?;
            // The staging name now holds the old folder: dropping removes
            // it. A failure to remove it leaves a hidden folder, never a
            // wrong one.
            drop(self.dir);
        } else {
            fs::rename(self.path(), dest)?;
            let _ = self.dir.keep();
        }
        Ok(())
    }
}

/// A fresh folder beside the destination, `.<name>.<random>.tmp`, created
/// exclusively (`mkdir` never follows a link; an existing folder or link at
/// the name makes tempfile try another), and removed with everything in it
/// when dropped, so also if anything fails or panics before the swap.
fn staging_dir(parent: &Path, name: &str, random: usize) -> std::io::Result<tempfile::TempDir> {
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .rand_bytes(random)
        .tempdir_in(parent)
}

/// Creates `path` (which must not exist: a link there is not followed),
/// writes `bytes`, and reads the file back to compare.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    // No fsync: the rename of the folder makes it appear whole or not at
    // all to every other process, which is the guarantee that matters here;
    // syncing each file tripled the cost of writing (about 3 ms a document)
    // for protection against power loss only.
    drop(file);
    if !reads_back_as(path, bytes)? {
        return Err(std::io::Error::other(
            "the file read back differs from what was verified",
        ));
    }
    Ok(())
}

/// Whether the file at `path` holds exactly `bytes`, read back a block at
/// a time (a whole copy of each document would be fresh memory for the
/// system to map in, for every file written).
fn reads_back_as(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    let mut file = fs::File::open(path)?;
    let mut block = [0u8; 64 * 1024];
    let mut rest = bytes;
    loop {
        let n = match file.read(&mut block) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok(rest.is_empty());
        }
        match rest.split_at_checked(n) {
            Some((head, tail)) if head == &block[..n] => rest = tail,
            _ => return Ok(false),
        }
    }
}

/// Exchanges the folders `new` and `old` in one step where the system can
/// (Linux's `renameat2`), else moves the old one aside, the new one in, and
/// the old one back if that fails. Afterwards `new`'s path holds the old
/// folder.
fn swap(new: &Path, old: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        match exchange(new, old) {
            Ok(()) => return Ok(()),
            // Not supported here (an old kernel, some network file systems).
            Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) => {}
            Err(e) => return Err(e),
        }
    }
    swap_by_renames(new, old)
}

/// [`swap`] in three renames, where the system cannot exchange two names.
fn swap_by_renames(new: &Path, old: &Path) -> std::io::Result<()> {
    let aside = new.with_extension("old");
    fs::rename(old, &aside)?;
    if let Err(e) = fs::rename(new, old) {
        let _ = fs::rename(&aside, old);
        return Err(e);
    }
    // The new folder is in place: what is left is tidying up.
    if fs::rename(&aside, new).is_err() {
        let _ = fs::remove_dir_all(&aside);
    }
    Ok(())
}

#[cfg(target_os = "linux")]
#[expect(unsafe_code, reason = "std has no renameat2")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both are valid NUL-terminated paths that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// The names in a folder, sorted: what a test of a written folder reads.
#[cfg(test)]
pub(crate) fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("a readable folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests;
