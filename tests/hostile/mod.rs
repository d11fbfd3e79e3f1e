//! A hostile-PDF set, written by [`build`] at test time: one PDF per way of
//! hiding a listed name (or of making the verifier read less than the file
//! holds), each caught one for one by `redress verify` for the reason
//! expected, and the clean ones accepted. The leaked values are sample S01's
//! listed identifiers.

mod build;

use std::path::Path;
use std::process::Command;

use lopdf::{Dictionary, Object, Stream, dictionary};
use redress::verify::{self, How, Kind, Place, Reason, VerifyReport};

use build::{Pdf, literal, per_glyph};

/// S01, whose identifiers the set leaks.
const CASE: &str = "samples/s01-hospital-discharge.toml";

fn case() -> redress::case::Case {
    crate::util::load(&crate::util::root().join(CASE))
}

/// A listed name of S01 (its officer's).
fn name() -> String {
    case()
        .people
        .iter()
        .find(|p| p.id == "pemberton")
        .expect("S01 lists the officer")
        .name
        .clone()
}

/// A listed phone number of S01.
fn phone() -> String {
    case().people[0].phones[0].clone()
}

/// A number as it is said on the phone: "oh" for a nought, "double" for a
/// digit said twice, a comma between its groups.
fn said_aloud(number: &str) -> String {
    const WORDS: [&str; 10] = [
        "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let groups: Vec<String> = number
        .split_whitespace()
        .map(|group| {
            let digits: Vec<usize> = group
                .bytes()
                .filter(u8::is_ascii_digit)
                .map(|b| usize::from(b - b'0'))
                .collect();
            let mut words = Vec::new();
            let mut k = 0;
            while k < digits.len() {
                if digits.get(k + 1) == Some(&digits[k]) {
                    words.push(format!("double {}", WORDS[digits[k]]));
                    k += 2;
                } else {
                    words.push(WORDS[digits[k]].to_string());
                    k += 1;
                }
            }
            words.join(" ")
        })
        .collect();
    groups.join(", ")
}

/// What a PDF of the set must give.
enum Expect {
    Clean,
    /// A listed name found in a place of this kind.
    Leak(fn(&Place) -> bool),
    /// A listed phone number found on page one.
    PhoneLeak,
    /// Hidden text found, hidden this way.
    Hidden(How),
    /// Refused for this reason.
    Refused(Reason),
    /// Images reported, and nothing else.
    Images,
}

struct Hostile {
    file: &'static str,
    pdf: Vec<u8>,
    expect: Vec<Expect>,
}

fn page_one(p: &Place) -> bool {
    *p == Place::Page(1)
}

fn off_page(p: &Place) -> bool {
    matches!(p, Place::Object(_) | Place::File)
}

fn text_at(text: &str, x: u32, y: u32) -> String {
    format!("BT /F1 12 Tf {x} {y} Td {} Tj ET\n", literal(text))
}

/// The whole set.
fn set() -> Vec<Hostile> {
    let name = name();
    let unlisted = "Zebedee Quennell";
    let mut out = Vec::new();
    let mut add = |file: &'static str, pdf: Vec<u8>, expect: Vec<Expect>| {
        out.push(Hostile { file, pdf, expect })
    };

    // Clean files: ordinary, linearised, `%%EOF` in text and metadata.
    let mut pdf = Pdf::new();
    pdf.page(&text_at("Mrs X complained about the Council.", 72, 760));
    add("clean.pdf", pdf.bytes(), vec![Expect::Clean]);
    add(
        "linearised-clean.pdf",
        build::linearised("Mrs X complained."),
        vec![Expect::Clean],
    );
    let mut pdf = Pdf::new();
    pdf.compress = false;
    pdf.page(&text_at("Calderbrook %%EOF Council", 72, 760));
    let mut doc = pdf.finish();
    let info =
        doc.add_object(dictionary! { "Title" => Object::string_literal("Decision %%EOF\n%%EOF") });
    doc.trailer.set("Info", info);
    add("eof-in-text.pdf", build::save(doc), vec![Expect::Clean]);

    // Text the old verifier did not read.
    let mut pdf = Pdf::new();
    let form = pdf.stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => pdf.font } },
        },
        text_at(&name, 72, 700).as_bytes(),
    );
    pdf.resource("XObject", "Fm1", form);
    pdf.page("q 1 0 0 1 0 0 cm /Fm1 Do Q\n");
    add(
        "form-xobject.pdf",
        pdf.bytes(),
        vec![Expect::Leak(page_one)],
    );

    let mut pdf = Pdf::new();
    pdf.page(&per_glyph(&name, 72.0, 700.0, 11.0, false));
    add("per-glyph.pdf", pdf.bytes(), vec![Expect::Leak(page_one)]);

    let mut pdf = Pdf::new();
    pdf.page(&per_glyph(&name, 72.0, 700.0, 11.0, true));
    add(
        "per-glyph-backwards.pdf",
        pdf.bytes(),
        vec![Expect::Leak(page_one)],
    );

    add("type3.pdf", type3(&name), vec![Expect::Leak(page_one)]);

    // Mirrored: the name's letters reversed and drawn with a reflected
    // matrix, so that on the page they read left to right as the name, each
    // letter flipped (held to a mirror, they read as they were drawn). By
    // the text matrix, by a negative horizontal scale, by the page's
    // transformation.
    let reversed: String = name.chars().rev().collect();
    let shown = literal(&reversed);
    for (file, content) in [
        (
            "mirrored-text-matrix.pdf",
            format!("BT /F1 11 Tf -1 0 0 1 300 700 Tm {shown} Tj ET"),
        ),
        (
            "mirrored-horizontal-scale.pdf",
            format!("BT /F1 11 Tf -100 Tz 300 700 Td {shown} Tj ET"),
        ),
        (
            "mirrored-page.pdf",
            format!("q -1 0 0 1 595 0 cm BT /F1 11 Tf 72 700 Td {shown} Tj ET Q"),
        ),
    ] {
        let mut pdf = Pdf::new();
        pdf.page(&content);
        add(file, pdf.bytes(), vec![Expect::Leak(page_one)]);
    }

    // A listed phone number read out in words, as a complainant writes
    // down what was said ("oh seven seven double oh, …").
    let said = said_aloud(&phone());
    let mut pdf = Pdf::new();
    pdf.page(&text_at(&format!("Call me on {said}."), 72, 700));
    add("phone-in-words.pdf", pdf.bytes(), vec![Expect::PhoneLeak]);

    // In a (compressed) content stream but never drawn: a comment, a word
    // that is no operator, a string given to an operator that shows none.
    // Anyone who opens the file reads them.
    for (file, content) in [
        (
            "content-comment.pdf",
            format!("% {name}\n{}", text_at("Mrs X complained.", 72, 760)),
        ),
        (
            "content-stray-words.pdf",
            format!("{}\n{}\n", text_at("Mrs X complained.", 72, 760), name),
        ),
        (
            "content-unshown-string.pdf",
            format!("{} ri\n", literal(&name)),
        ),
    ] {
        let mut pdf = Pdf::new();
        pdf.page(&content);
        add(file, pdf.bytes(), vec![Expect::Leak(page_one)]);
    }

    let mut pdf = Pdf::new();
    pdf.page(&format!(
        "/Span << /ActualText {} >> BDC\n{}EMC\n",
        literal(&name),
        text_at("Mrs X", 72, 700)
    ));
    add("actual-text.pdf", pdf.bytes(), vec![Expect::Leak(page_one)]);

    let mut pdf = Pdf::new();
    pdf.page(&format!(
        "BT /F9 12 Tf 72 700 Td {} Tj ET\n",
        literal(&name)
    ));
    add(
        "undefined-font.pdf",
        pdf.bytes(),
        vec![
            Expect::Leak(page_one),
            Expect::Refused(Reason::UnreadableText),
        ],
    );

    add(
        "no-unicode-map.pdf",
        no_unicode_map(&name),
        vec![Expect::Refused(Reason::UnreadableText)],
    );

    // Bytes no page shows: revisions, dead objects, orphans, unused forms.
    let mut pdf = Pdf::new();
    let page = pdf.page(&text_at(&name, 72, 700));
    let doc = pdf.finish();
    let contents = doc
        .get_dictionary(page)
        .unwrap()
        .get(b"Contents")
        .unwrap()
        .as_reference()
        .unwrap()
        .0;
    let clean = "BT /F1 12 Tf 72 700 Td (Ms Z) Tj ET";
    let updated = build::update(
        build::save(doc),
        contents,
        &format!("<< /Length {} >>\nstream\n{clean}\nendstream", clean.len()),
    );
    add(
        "earlier-revision.pdf",
        updated,
        vec![Expect::Refused(Reason::Revisions), Expect::Leak(off_page)],
    );

    let mut pdf = Pdf::new();
    pdf.page(&text_at("Mrs X", 72, 700));
    let dead = pdf.stream(Dictionary::new(), text_at(&name, 72, 700).as_bytes());
    add(
        "dead-object.pdf",
        build::kill(build::save_classic(pdf.finish()), dead.0),
        vec![Expect::Leak(off_page)],
    );

    let mut pdf = Pdf::new();
    pdf.page(&text_at("Mrs X", 72, 700));
    pdf.stream(
        Dictionary::new(),
        format!("Notes: {name}, {}", phone()).as_bytes(),
    );
    add(
        "orphan-stream.pdf",
        pdf.bytes(),
        vec![Expect::Leak(off_page)],
    );

    let mut pdf = Pdf::new();
    let form = pdf.stream(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()] },
        text_at(&name, 72, 700).as_bytes(),
    );
    pdf.resource("XObject", "Fm1", form);
    pdf.page(&text_at("Mrs X", 72, 700));
    add("unused-form.pdf", pdf.bytes(), vec![Expect::Leak(off_page)]);

    let mut pdf = Pdf::new();
    pdf.page(&text_at("Mrs X", 72, 700));
    let mut doc = pdf.finish();
    let mut title = vec![0xFE, 0xFF];
    title.extend(name.encode_utf16().flat_map(u16::to_be_bytes));
    let info = doc.add_object(
        dictionary! { "Author" => Object::String(title, lopdf::StringFormat::Hexadecimal) },
    );
    doc.trailer.set("Info", info);
    add(
        "utf16-metadata.pdf",
        build::save(doc),
        vec![Expect::Leak(|p| *p == Place::Metadata)],
    );

    // Images.
    let mut pdf = Pdf::new();
    let im = image(&mut pdf);
    pdf.resource("XObject", "Im1", im);
    pdf.page("q 200 0 0 40 72 690 cm /Im1 Do Q\n");
    add("image-only.pdf", pdf.bytes(), vec![Expect::Images]);

    // Text a reader cannot see, listed or not.
    for (file, text) in [
        ("under-black-box.pdf", name.as_str()),
        ("under-black-box-unlisted.pdf", unlisted),
    ] {
        let mut pdf = Pdf::new();
        pdf.page(&format!(
            "{}0 g 70 695 160 16 re f\n",
            text_at(text, 72, 700)
        ));
        add(file, pdf.bytes(), vec![Expect::Hidden(How::UnderFill)]);
    }
    let mut pdf = Pdf::new();
    let im = image(&mut pdf);
    pdf.resource("XObject", "Im1", im);
    pdf.page(&format!(
        "{}q 200 0 0 20 70 695 cm /Im1 Do Q\n",
        text_at(unlisted, 72, 700)
    ));
    add(
        "under-image.pdf",
        pdf.bytes(),
        vec![Expect::Hidden(How::UnderImage)],
    );

    let mut pdf = Pdf::new();
    pdf.page(&format!(
        "{}0 G 14 w 70 704 m 260 704 l S\n",
        text_at(unlisted, 72, 700)
    ));
    add(
        "under-thick-line.pdf",
        pdf.bytes(),
        vec![Expect::Hidden(How::UnderStroke)],
    );

    let hidden = |file: &'static str, before: &str, how: How| {
        let mut pdf = Pdf::new();
        pdf.page(&format!("q {before}\n{}Q\n", text_at(unlisted, 72, 700)));
        (file, pdf.bytes(), how)
    };
    let mut pdf = Pdf::new();
    let gs = pdf.add(dictionary! { "Type" => "ExtGState", "ca" => 0.0 });
    pdf.resource("ExtGState", "GS0", gs);
    pdf.page(&format!("q /GS0 gs\n{}Q\n", text_at(unlisted, 72, 700)));
    add(
        "transparent.pdf",
        pdf.bytes(),
        vec![Expect::Hidden(How::Transparent)],
    );
    for (file, pdf, how) in [
        hidden("white-text.pdf", "1 g", How::SameColourAsBackground),
        hidden(
            "black-on-black.pdf",
            "0 g 60 690 300 30 re f",
            How::SameColourAsBackground,
        ),
        hidden("render-mode-3.pdf", "3 Tr", How::Invisible),
        hidden("off-page.pdf", "1 0 0 1 2000 0 cm", How::OffPage),
        hidden("tiny.pdf", "0.02 0 0 0.02 0 0 cm", How::Tiny),
        hidden("squashed.pdf", "BT 1 Tz ET", How::Tiny),
        hidden("clipped.pdf", "300 300 50 50 re W n", How::Clipped),
    ] {
        add(file, pdf, vec![Expect::Hidden(how)]);
    }

    let mut pdf = Pdf::new();
    let courier =
        pdf.add(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier" });
    pdf.resource("Font", "F2", courier);
    pdf.page(&format!(
        "BT /F2 12 Tf -7.2 Tc 72 700 Td {} Tj ET\n",
        literal(&name)
    ));
    add(
        "overprinted.pdf",
        pdf.bytes(),
        vec![Expect::Leak(page_one), Expect::Hidden(How::Overprinted)],
    );

    let mut pdf = Pdf::new();
    let blocks = pdf.add(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => dictionary! { "Differences" => vec![1.into(), "block".into()] },
    });
    pdf.resource("Font", "F2", blocks);
    pdf.page(&format!(
        "{}BT /F2 12 Tf 72 700 Td <{}> Tj ET\n",
        text_at(unlisted, 72, 700),
        "01".repeat(20)
    ));
    add(
        "under-block-glyphs.pdf",
        pdf.bytes(),
        vec![Expect::Hidden(How::UnderFill)],
    );

    let mut pdf = Pdf::new();
    let spot = Object::Array(vec![
        "Separation".into(),
        "Spot".into(),
        "DeviceCMYK".into(),
        Object::Null,
    ]);
    pdf.resource("ColorSpace", "CS0", spot);
    pdf.page(&format!(
        "q /CS0 cs 0 scn\n{}Q\n",
        text_at(unlisted, 72, 700)
    ));
    add(
        "no-ink.pdf",
        pdf.bytes(),
        vec![Expect::Hidden(How::SameColourAsBackground)],
    );

    // Files that would make the verifier read less than they hold.
    add(
        "deep-nesting.pdf",
        deep_nesting(&name, 100),
        vec![Expect::Refused(Reason::Limit)],
    );
    add(
        "deeper-nesting.pdf",
        deep_nesting(&name, 1000),
        vec![Expect::Refused(Reason::Limit)],
    );
    add(
        "xmp-bomb.pdf",
        xmp_bomb(64 << 20),
        vec![Expect::Refused(Reason::Limit)],
    );

    let mut pdf = Pdf::new();
    pdf.page(&text_at(&name, 72, 700));
    let mut doc = pdf.finish();
    let pages = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![], "Count" => 0 }),
    );
    add(
        "no-pages.pdf",
        build::save(doc),
        vec![Expect::Refused(Reason::Structure)],
    );

    let mut pdf = Pdf::new();
    pdf.page(&text_at("Mrs X", 72, 700));
    let mut doc = pdf.finish();
    let missing = (9999, 0);
    let pages = doc
        .catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap();
    if let Ok(Object::Array(kids)) = doc.get_dictionary_mut(pages).unwrap().get_mut(b"Kids") {
        kids.push(missing.into());
    }
    add(
        "page-tree-broken.pdf",
        build::save(doc),
        vec![Expect::Refused(Reason::Structure)],
    );

    let mut pdf = Pdf::new();
    let form_id = pdf.doc.new_object_id();
    let form = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "Fm1" => form_id } },
        },
        b"/Fm1 Do".to_vec(),
    );
    pdf.doc.objects.insert(form_id, Object::Stream(form));
    pdf.resource("XObject", "Fm1", form_id);
    pdf.page("/Fm1 Do\n");
    add(
        "form-draws-itself.pdf",
        pdf.bytes(),
        vec![Expect::Refused(Reason::UnreadableText)],
    );

    let mut pdf = Pdf::new();
    pdf.page(&text_at(&name, 72, 700));
    let mut doc = pdf.finish();
    let encrypt = doc.add_object(dictionary! { "Filter" => "Standard", "V" => 2, "R" => 3 });
    doc.trailer.set("Encrypt", encrypt);
    add(
        "encrypted.pdf",
        build::save(doc),
        vec![Expect::Refused(Reason::Encrypted)],
    );
    out
}

/// A Type 3 font whose codes 1, 2, 3… name the glyphs of `text` by
/// glyph name: only its encoding says what it shows.
fn type3(text: &str) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let letters: Vec<char> = {
        let mut l: Vec<char> = text.chars().collect();
        l.sort_unstable();
        l.dedup();
        l
    };
    let glyph_name = |c: char| {
        if c == ' ' {
            "space".to_string()
        } else {
            c.to_string()
        }
    };
    let mut procs = Dictionary::new();
    let mut differences = vec![Object::Integer(1)];
    for &c in &letters {
        let proc = pdf.stream(Dictionary::new(), b"600 0 0 0 500 700 d1 50 0 400 700 re f");
        procs.set(glyph_name(c), proc);
        differences.push(Object::Name(glyph_name(c).into_bytes()));
    }
    let font = pdf.add(dictionary! {
        "Type" => "Font", "Subtype" => "Type3",
        "FontBBox" => vec![0.into(), 0.into(), 600.into(), 700.into()],
        "FontMatrix" => vec![0.001.into(), 0.into(), 0.into(), 0.001.into(), 0.into(), 0.into()],
        "CharProcs" => procs,
        "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => differences },
        "FirstChar" => 1,
        "LastChar" => letters.len() as i64,
        "Widths" => vec![Object::Integer(600); letters.len()],
        "Resources" => Dictionary::new(),
    });
    pdf.resource("Font", "T3", font);
    let codes: String = text
        .chars()
        .map(|c| format!("{:02X}", letters.iter().position(|&l| l == c).unwrap() + 1))
        .collect();
    pdf.page(&format!("BT /T3 12 Tf 72 700 Td <{codes}> Tj ET\n"));
    pdf.bytes()
}

/// A composite font with no ToUnicode map: its glyph ids say nothing.
fn no_unicode_map(text: &str) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let descendant = pdf.add(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "LiberationSans",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 500,
    });
    let font = pdf.add(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "LiberationSans",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()],
    });
    pdf.resource("Font", "F2", font);
    let codes: String = text
        .chars()
        .map(|c| format!("{:04X}", c as u32 - 29))
        .collect();
    pdf.page(&format!("BT /F2 12 Tf 72 700 Td <{codes}> Tj ET\n"));
    pdf.bytes()
}

/// An 8×8 grey image.
fn image(pdf: &mut Pdf) -> lopdf::ObjectId {
    pdf.stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 8, "Height" => 8,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        &[0x40; 64],
    )
}

/// The catalog carries arrays nested `depth` deep, which lopdf drops with
/// the catalog: before, "0 pages, clean".
fn deep_nesting(text: &str, depth: usize) -> Vec<u8> {
    let mut pdf = Pdf::new();
    pdf.page(&text_at(text, 72, 700));
    let mut doc = pdf.finish();
    let mut nested = Object::Array(vec![]);
    for _ in 0..depth {
        nested = Object::Array(vec![nested]);
    }
    doc.catalog_mut().unwrap().set("Deep", nested);
    build::save(doc)
}

/// One page, and XMP that inflates to `bytes` of zeros.
fn xmp_bomb(bytes: u64) -> Vec<u8> {
    let mut pdf = Pdf::new();
    pdf.page(&text_at("Mrs X", 72, 700));
    let mut stream = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML", "Filter" => "FlateDecode" },
        build::zlib_zeros(bytes),
    );
    stream.allows_compression = false;
    let xmp = pdf.add(stream);
    let mut doc = pdf.finish();
    doc.catalog_mut().unwrap().set("Metadata", xmp);
    build::save(doc)
}

/// Checks a report against what is expected of it; a message when it fails.
fn check(file: &str, report: &VerifyReport, expect: &[Expect]) -> Result<(), String> {
    let fail = |what: &str| Err(format!("{file}: {what}: {report:#?}"));
    for e in expect {
        match e {
            Expect::Clean if !report.is_clean() => return fail("should be clean"),
            Expect::Clean => {}
            Expect::Leak(place) => {
                if !report
                    .leaks
                    .iter()
                    .any(|l| l.kind == Kind::Name && place(&l.place))
                {
                    return fail("the listed name is not found where expected");
                }
            }
            Expect::PhoneLeak => {
                if !report
                    .leaks
                    .iter()
                    .any(|l| l.kind == Kind::Phone && page_one(&l.place))
                {
                    return fail("the listed phone number is not found on page one");
                }
            }
            Expect::Hidden(how) => {
                if !report.hidden.iter().any(|h| h.how == *how && h.page == 1) {
                    return fail(&format!("no hidden text found {how:?}"));
                }
            }
            Expect::Refused(reason) => {
                if !report.refusals.iter().any(|r| r.reason == *reason) {
                    return fail(&format!("not refused for {reason:?}"));
                }
            }
            Expect::Images => {
                if report.images.total() != 1
                    || report.images.pages.first().map(|p| (p.page, p.images)) != Some((1, 1))
                    || report.is_clean()
                    || !report.is_clean_allowing_images()
                {
                    return fail("the image is not reported alone");
                }
            }
        }
    }
    if !matches!(expect, [Expect::Clean]) && report.is_clean() {
        return fail("should not be clean");
    }
    Ok(())
}

#[test]
fn every_hostile_pdf_is_caught_for_its_reason() {
    let checks = crate::util::engine().checks(&case());
    let problems: Vec<String> = set()
        .iter()
        .filter_map(|h| check(h.file, &checks.verify(&h.pdf), &h.expect).err())
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn redress_verify_reports_each_file_of_a_folder() {
    let dir = crate::util::tempdir();
    let set = set();
    for h in &set {
        std::fs::write(dir.path().join(h.file), &h.pdf).unwrap();
    }
    if let Some(keep) = std::env::var_os("REDRESS_HOSTILE_PDFS") {
        std::fs::create_dir_all(&keep).unwrap();
        for h in &set {
            std::fs::write(Path::new(&keep).join(h.file), &h.pdf).unwrap();
        }
    }
    let output = redress()
        .arg("verify")
        .arg(dir.path())
        .args(["--case", CASE, "--json"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let files = json.as_array().expect("one object per file");
    assert_eq!(files.len(), set.len());
    let name = name();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(!text.contains(&name), "reports hold no values");
    for h in &set {
        let entry = files
            .iter()
            .find(|f| f["file"].as_str().is_some_and(|f| f.ends_with(h.file)))
            .unwrap_or_else(|| panic!("{} reported", h.file));
        let clean = matches!(h.expect.as_slice(), [Expect::Clean]);
        assert_eq!(entry["clean"], clean, "{}: {entry:#}", h.file);
    }
    // Images are accepted on request, and still reported.
    let image = dir.path().join("image-only.pdf");
    let allowed = redress()
        .arg("verify")
        .arg(&image)
        .args(["--case", CASE, "--allow-images"])
        .output()
        .unwrap();
    assert_eq!(allowed.status.code(), Some(0));
    let line = String::from_utf8_lossy(&allowed.stdout);
    assert!(line.contains("1 image on page 1 not checked"), "{line}");
    let refused = redress()
        .arg("verify")
        .arg(&image)
        .args(["--case", CASE])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let missing = redress()
        .args(["verify", "no/such.pdf", "--case", CASE])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

/// A 2 MB file whose XMP inflates to 2 GiB: refused, in little memory.
#[test]
fn a_decompression_bomb_is_refused_in_little_memory() {
    let pdf = xmp_bomb(2 << 30);
    assert!(pdf.len() < 3 << 20, "{} bytes", pdf.len());
    let dir = crate::util::tempdir();
    let file = dir.path().join("bomb.pdf");
    std::fs::write(&file, &pdf).unwrap();
    if let Some(keep) = std::env::var_os("REDRESS_HOSTILE_PDFS") {
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(&file, Path::new(&keep).join("bomb.pdf")).unwrap();
    }
    let (code, max_rss_kib) = run_with_memory(&[
        "verify".as_ref(),
        file.as_os_str(),
        "--case".as_ref(),
        CASE.as_ref(),
    ]);
    eprintln!("verifying the bomb used at most {} MiB", max_rss_kib / 1024);
    assert_eq!(code, 1);
    assert!(
        max_rss_kib < 300 * 1024,
        "verifying used {} MiB",
        max_rss_kib / 1024
    );
}

#[test]
fn the_bomb_is_what_it_claims() {
    let small = build::zlib_zeros(1 + 258 * 1000);
    let stream = Stream::new(dictionary! { "Filter" => "FlateDecode" }, small);
    let data = stream.decompressed_content().expect("a valid zlib stream");
    assert_eq!(data.len(), 1 + 258 * 1000);
    assert!(data.iter().all(|&b| b == 0));
}

/// A body's name holding `%%EOF` renders, and its own PDF verifies.
#[test]
fn an_end_of_file_marker_in_a_name_is_just_text() {
    let source = std::fs::read_to_string(crate::util::root().join(CASE)).unwrap();
    let edited = source.replace(
        "name = \"Calderbrook Metropolitan Borough Council\"",
        "name = \"Calderbrook %%EOF Borough Council\"",
    );
    assert_ne!(source, edited);
    let dir = crate::util::tempdir();
    let file = dir.path().join("case.toml");
    std::fs::write(&file, edited).unwrap();
    let case = crate::util::load(&file);
    let out = crate::util::tempdir();
    let report = crate::util::engine()
        .render_case(
            &case,
            out.path(),
            redress::pipeline::RenderOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!report.documents.is_empty());
}

fn redress() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_redress"));
    cmd.current_dir(crate::util::root()).env_clear();
    cmd
}

/// Runs redress with `args`; its exit code and the most memory it held
/// (KiB). A child started by this (large) test process inherits the
/// process's high-water mark in its own, so redress is started by a small
/// python3 process and measured from there.
fn run_with_memory(args: &[&std::ffi::OsStr]) -> (i32, i64) {
    const MEASURE: &str = "import resource, subprocess, sys\n\
        code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n\
        print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)";
    let output = Command::new("python3")
        .current_dir(crate::util::root())
        .env_clear()
        .args(["-c", MEASURE, env!("CARGO_BIN_EXE_redress")])
        .args(args)
        .output()
        .expect("python3 runs (the README lists it)");
    let line = String::from_utf8_lossy(&output.stdout);
    let mut fields = line.split_whitespace().map(|f| f.parse::<i64>().unwrap());
    let code = fields.next().expect("an exit code");
    let max_rss_kib = fields.next().expect("the peak memory");
    (code as i32, max_rss_kib)
}

/// Damaged files: bytes flipped, cut, repeated or inserted anywhere in the
/// set and in a rendered sample. Reading never panics (the verifier turns
/// a panic into a refusal; here one would fail the test), and the
/// mutations are the same on every run.
#[test]
fn damaged_files_are_read_without_panicking() {
    let mut files: Vec<Vec<u8>> = set()
        .into_iter()
        .filter(|h| !h.file.contains("bomb"))
        .map(|h| h.pdf)
        .collect();
    let mut plain = Pdf::new();
    plain.compress = false;
    plain.page(&format!(
        "{}{}",
        per_glyph("Ann Lee", 72.0, 700.0, 11.0, true),
        "q 0 g 70 695 160 16 re f Q /Span << /ActualText (x) >> BDC (y) Tj EMC"
    ));
    files.push(plain.bytes());
    let (_, dir) = &crate::util::rendered()[0];
    files.push(std::fs::read(dir.join("decision.redacted.pdf")).unwrap());
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move |below: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % below.max(1) as u64) as usize
    };
    // `REDRESS_DAMAGE_ROUNDS=100000 cargo test damaged` for a longer run.
    let rounds = std::env::var("REDRESS_DAMAGE_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(400);
    for round in 0..rounds {
        let mut pdf = files[round % files.len()].clone();
        for _ in 0..1 + next(3) {
            let at = next(pdf.len());
            match next(5) {
                0 => pdf[at] ^= 1 << next(8),
                1 => pdf.truncate(at),
                2 => {
                    let end = (at + next(64)).min(pdf.len());
                    let copy = pdf[at..end].to_vec();
                    pdf.splice(at..at, copy);
                }
                3 => {
                    let junk = [
                        b"[[[[".as_slice(),
                        b"<<",
                        b"(",
                        b"%%EOF\n",
                        b" 0 obj ",
                        b"stream\n",
                        b"BT",
                        b"9999999999",
                    ];
                    pdf.splice(at..at, junk[next(junk.len())].iter().copied());
                }
                _ => {
                    if pdf[at].is_ascii_digit() {
                        pdf[at] = b'0' + next(10) as u8;
                    }
                }
            }
        }
        let _ = verify::read(&pdf, verify::Limits::default());
    }
}

/// redress's own documents, every one of every sample (both variants and
/// the review sheet): nothing hidden, no images, nothing refused.
#[test]
fn our_own_documents_hide_nothing() {
    let mut problems = Vec::new();
    for (case, dir) in crate::util::rendered() {
        let checks = crate::util::engine().checks(case);
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "pdf") {
                continue;
            }
            let report = checks.verify(&std::fs::read(&path).unwrap());
            if !report.hidden.is_empty() || report.images.total() > 0 || !report.refusals.is_empty()
            {
                problems.push(format!("{}: {}", path.display(), report.describe()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
