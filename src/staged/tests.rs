use super::*;

use super::names_in as names;

#[test]
fn both_ways_of_swapping_exchange_the_folders() {
    for by_renames in [false, true] {
        let out = tempfile::tempdir().unwrap();
        let (old, new) = (out.path().join("old"), out.path().join("new"));
        fs::create_dir(&old).unwrap();
        fs::write(old.join("stale.pdf"), b"x").unwrap();
        fs::create_dir(&new).unwrap();
        fs::write(new.join("fresh.pdf"), b"y").unwrap();
        if by_renames {
            swap_by_renames(&new, &old).unwrap();
        } else {
            swap(&new, &old).unwrap();
        }
        // Exchanged: `new`'s path now holds the old folder.
        assert_eq!(names(&old), ["fresh.pdf"]);
        assert_eq!(names(&new), ["stale.pdf"]);
        assert_eq!(names(out.path()), ["new", "old"]);
    }
}

#[test]
fn a_link_planted_at_a_file_name_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim");
    fs::write(&victim, b"precious").unwrap();
    let planted = dir.path().join("decision.redacted.pdf");
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    let err = write_new(&planted, b"overwritten?").unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
    assert_eq!(fs::read(&victim).unwrap(), b"precious");
}

#[test]
fn a_link_planted_at_the_staging_name_is_not_followed() {
    let out = tempfile::tempdir().unwrap();
    let victim = tempfile::tempdir().unwrap();
    // With no random part, the staging name is known in advance.
    let planted = out.path().join(".23-004-118..tmp");
    std::os::unix::fs::symlink(victim.path(), &planted).unwrap();
    let err = staging_dir(out.path(), "23-004-118", 0).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
    assert!(fs::read_dir(victim.path()).unwrap().next().is_none());
    assert!(planted.symlink_metadata().unwrap().file_type().is_symlink());
    // With the random part, another name is found and the link left alone.
    let staging = staging_dir(out.path(), "23-004-118", 6).unwrap();
    assert_ne!(staging.path(), planted);
    assert!(fs::read_dir(victim.path()).unwrap().next().is_none());
}

#[test]
fn a_file_reads_back_only_as_exactly_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    // Longer than one block, so that the comparison crosses blocks.
    let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let path = dir.path().join("a.pdf");
    write_new(&path, &bytes).unwrap();
    assert!(reads_back_as(&path, &bytes).unwrap());
    assert!(!reads_back_as(&path, &bytes[..bytes.len() - 1]).unwrap());
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(!reads_back_as(&path, &longer).unwrap());
    let mut changed = bytes.clone();
    changed[150_000] ^= 1;
    assert!(!reads_back_as(&path, &changed).unwrap());
    assert!(reads_back_as(&dir.path().join("none"), &bytes).is_err());
    // An existing file is never written over.
    assert!(write_new(&path, b"other").is_err());
}
