use super::*;

use crate::staged::names_in as names;

#[test]
fn a_folder_is_written_and_replaced_whole() {
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("23-004-118");
    replace_dir(&dest, &[("a.pdf", b"one"), ("b.json", b"two")]).unwrap();
    assert_eq!(names(&dest), ["a.pdf", "b.json"]);
    // A second render with fewer files leaves nothing stale behind, and no
    // staging folder beside it.
    replace_dir(&dest, &[("b.json", b"three")]).unwrap();
    assert_eq!(names(&dest), ["b.json"]);
    assert_eq!(fs::read(dest.join("b.json")).unwrap(), b"three");
    assert_eq!(names(out.path()), ["23-004-118"]);
}

#[test]
fn a_failure_part_way_leaves_the_previous_folder_untouched() {
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("23-004-118");
    replace_dir(&dest, &[("a.pdf", b"one")]).unwrap();
    // The second file cannot be created (the name is taken by the first).
    let err = replace_dir(&dest, &[("b.pdf", b"new"), ("b.pdf", b"again")]).unwrap_err();
    assert!(err.to_string().contains("b.pdf"), "{err}");
    assert_eq!(names(&dest), ["a.pdf"]);
    assert_eq!(fs::read(dest.join("a.pdf")).unwrap(), b"one");
    assert_eq!(names(out.path()), ["23-004-118"], "no staging folder left");
}

#[cfg(unix)]
#[cfg(unix)]
#[cfg(unix)]
#[test]
fn a_link_in_the_case_folders_place_is_refused() {
    let out = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    fs::write(elsewhere.path().join("keep.txt"), b"mine").unwrap();
    let dest = out.path().join("23-004-118");
    std::os::unix::fs::symlink(elsewhere.path(), &dest).unwrap();
    let err = replace_dir(&dest, &[("a.pdf", b"one")]).unwrap_err();
    assert!(err.to_string().contains("link"), "{err}");
    assert_eq!(names(elsewhere.path()), ["keep.txt"]);
    assert!(
        fs::symlink_metadata(&dest)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_folder_holding_what_redress_did_not_write_is_kept() {
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("23-004-118");
    fs::create_dir(&dest).unwrap();
    fs::write(dest.join("notes.txt"), b"mine").unwrap();
    let err = replace_dir(&dest, &[("a.pdf", b"one")]).unwrap_err();
    assert!(err.to_string().contains("notes.txt"), "{err}");
    assert_eq!(names(&dest), ["notes.txt"]);
    fs::write(out.path().join("24-000-001"), b"a file").unwrap();
    let err = replace_dir(&out.path().join("24-000-001"), &[("a.pdf", b"x")]).unwrap_err();
    assert!(err.to_string().contains("not a folder"), "{err}");
}

#[test]
fn names_that_are_not_one_plain_component_are_refused() {
    let out = tempfile::tempdir().unwrap();
    for bad in [
        "../escape",
        "a/b",
        "..",
        ".",
        "",
        ".hidden",
        "a\\b",
        "nul\0",
    ] {
        assert!(
            replace_dir(&out.path().join("ok"), &[(bad, b"x")]).is_err(),
            "{bad:?}"
        );
    }
    assert!(replace_dir(&out.path().join(".."), &[("a.pdf", b"x")]).is_err());
    assert!(replace_dir(&out.path().join("."), &[("a.pdf", b"x")]).is_err());
    assert!(out.path().join("ok").symlink_metadata().is_err());
    assert!(fs::read_dir(out.path()).unwrap().next().is_none());
}
