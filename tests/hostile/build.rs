//! Writes PDFs with lopdf, and by hand where lopdf cannot (incremental
//! updates, linearisation, dead objects, decompression bombs).

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, dictionary};

/// A one-font document being built, page by page.
pub struct Pdf {
    pub doc: Document,
    pages: ObjectId,
    kids: Vec<Object>,
    pub font: ObjectId,
    /// Resources every page gets (fonts, XObjects, graphics states).
    pub resources: Dictionary,
    /// Compress every stream on saving, so no value is left plain in the
    /// bytes and only reading the content finds it.
    pub compress: bool,
}

impl Pdf {
    pub fn new() -> Self {
        let mut doc = Document::with_version("1.7");
        let pages = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        });
        Self {
            doc,
            pages,
            kids: Vec::new(),
            font,
            resources: dictionary! { "Font" => dictionary! { "F1" => font } },
            compress: true,
        }
    }

    /// Adds a resource (`category` is `XObject`, `Font`, `ExtGState`…).
    pub fn resource(&mut self, category: &str, name: &str, object: impl Into<Object>) {
        let mut entries = self
            .resources
            .get(category.as_bytes())
            .ok()
            .and_then(|o| o.as_dict().ok())
            .cloned()
            .unwrap_or_default();
        entries.set(name, object.into());
        self.resources.set(category, entries);
    }

    pub fn add(&mut self, object: impl Into<Object>) -> ObjectId {
        self.doc.add_object(object)
    }

    /// A stream object.
    pub fn stream(&mut self, dict: Dictionary, content: &[u8]) -> ObjectId {
        self.doc.add_object(Stream::new(dict, content.to_vec()))
    }

    /// Adds an A4 page drawing `content`.
    pub fn page(&mut self, content: &str) -> ObjectId {
        let contents = self.stream(Dictionary::new(), content.as_bytes());
        let page = self.doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => self.pages,
            "Contents" => contents,
            "Resources" => self.resources.clone(),
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        self.kids.push(page.into());
        page
    }

    /// The document, finished: page tree, catalog, trailer.
    pub fn finish(mut self) -> Document {
        let count = self.kids.len() as i64;
        self.doc.objects.insert(
            self.pages,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => self.kids,
                "Count" => count,
            }),
        );
        let catalog = self.doc.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => self.pages,
        });
        self.doc.trailer.set("Root", catalog);
        if self.compress {
            self.doc.compress();
        }
        self.doc
    }

    pub fn bytes(self) -> Vec<u8> {
        save(self.finish())
    }
}

/// Saved with a classic cross-reference table (lopdf writes a stream by
/// default), for files edited by hand afterwards.
pub fn save_classic(mut doc: Document) -> Vec<u8> {
    doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    save(doc)
}

pub fn save(mut doc: Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("lopdf writes");
    out
}

/// A PDF string literal of `text`, escaped.
pub fn literal(text: &str) -> String {
    let mut out = String::from("(");
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii() => out.push(c),
            c => out.push_str(&format!("\\{:03o}", c as u32 & 0xff)),
        }
    }
    out.push(')');
    out
}

/// Helvetica's width of `c` in thousandths of an em (Liberation Sans has
/// the same metrics), as a producer placing glyphs one by one uses it.
pub fn helvetica_width(c: char) -> f32 {
    let data =
        std::fs::read(crate::util::root().join("fonts/LiberationSans-Regular.ttf")).expect("font");
    let face = ttf_parser::Face::parse(&data, 0).expect("parses");
    let id = face.glyph_index(c).expect("covered");
    f32::from(face.glyph_hor_advance(id).expect("advance")) * 1000.0
        / f32::from(face.units_per_em())
}

/// Content that writes `text` one text object per glyph, at `size`, from
/// (`x`, `y`), each glyph placed where the last ended (in `order`).
pub fn per_glyph(text: &str, x: f32, y: f32, size: f32, backwards: bool) -> String {
    let mut placed = Vec::new();
    let mut at = x;
    for c in text.chars() {
        placed.push((at, c));
        at += helvetica_width(c) * size / 1000.0;
    }
    if backwards {
        placed.reverse();
    }
    placed
        .iter()
        .map(|(x, c)| {
            format!(
                "BT /F1 {size} Tf {x:.2} {y} Td {} Tj ET\n",
                literal(&c.to_string())
            )
        })
        .collect()
}

/// The offset `startxref` gives.
pub fn startxref(pdf: &[u8]) -> usize {
    let at = pdf
        .windows(9)
        .rposition(|w| w == b"startxref")
        .expect("startxref");
    String::from_utf8_lossy(&pdf[at + 9..])
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("an offset")
}

/// The trailer's `/Root` and `/Size`.
pub fn root_and_size(pdf: &[u8]) -> (u32, u32) {
    let doc = Document::load_mem(pdf).expect("loads");
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap().0;
    (root, doc.max_id + 1)
}

/// Appends an incremental update that replaces object `id` with `object`
/// (written as given, e.g. `<< /Length 5 >>\nstream\n…\nendstream`).
pub fn update(mut pdf: Vec<u8>, id: u32, object: &str) -> Vec<u8> {
    let prev = startxref(&pdf);
    let (root, size) = root_and_size(&pdf);
    if !pdf.ends_with(b"\n") {
        pdf.push(b'\n');
    }
    let offset = pdf.len();
    pdf.extend(format!("{id} 0 obj\n{object}\nendobj\n").as_bytes());
    let xref = pdf.len();
    pdf.extend(
        format!(
            "xref\n0 1\n0000000000 65535 f \n{id} 1\n{offset:010} 00000 n \n\
             trailer\n<< /Size {size} /Root {root} 0 R /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n"
        )
        .as_bytes(),
    );
    pdf
}

/// Marks object `id` free in the cross-reference table, leaving its bytes
/// where they are: a dead object no table lists.
pub fn kill(pdf: Vec<u8>, id: u32) -> Vec<u8> {
    let xref = startxref(&pdf);
    let text = String::from_utf8_lossy(&pdf[xref..]).into_owned();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("xref"), "a classic table");
    let first: usize = lines
        .next()
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("a subsection");
    // Entries are 20 bytes after the two header lines.
    let header = "xref\n".len() + text[5..].find('\n').expect("a line") + 1;
    let entry = xref + header + (id as usize - first) * 20;
    let mut out = pdf;
    out[entry..entry + 18].copy_from_slice(b"0000000000 00001 f");
    out
}

/// A zlib stream of `zeros` zero bytes, about a thousand times smaller
/// (one dynamic Huffman block: a literal, then 258-byte matches at
/// distance 1 in 2 bits each). What a decompression bomb is made of.
pub fn zlib_zeros(zeros: u64) -> Vec<u8> {
    let mut w = Bits::default();
    w.bytes.extend([0x78, 0x01]);
    w.put(1, 1); // final block
    w.put(2, 2); // dynamic Huffman
    w.put(29, 5); // 286 literal/length codes
    w.put(0, 5); // 1 distance code
    w.put(14, 4); // 18 code length codes
    // Code-length code lengths, in the format's order: 18 → 1 bit, 1 and 2 → 2.
    for symbol in [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1] {
        w.put(
            match symbol {
                18 => 1,
                1 | 2 => 2,
                _ => 0,
            },
            3,
        );
    }
    // Code lengths (codes: 18 = "0", 1 = "10", 2 = "11"):
    // literal 0 → 2, 1–255 → 0, end 256 → 2, 257–284 → 0, length 258 → 1,
    // distance 1 → 1.
    w.code(0b11, 2);
    w.code(0, 1);
    w.put(127, 7); // 138 zeros
    w.code(0, 1);
    w.put(106, 7); // 117 zeros
    w.code(0b11, 2);
    w.code(0, 1);
    w.put(17, 7); // 28 zeros
    w.code(0b10, 2);
    w.code(0b10, 2);
    // Data (codes: 285 = "0", literal 0 = "10", end = "11"; distance 1 = "0").
    w.code(0b10, 2);
    let matches = (zeros.saturating_sub(1)) / 258;
    let mut left = matches * 2;
    while left > 0 && w.used != 0 {
        w.put(0, 1);
        left -= 1;
    }
    w.bytes
        .extend(std::iter::repeat_n(0u8, (left / 8) as usize));
    for _ in 0..left % 8 {
        w.put(0, 1);
    }
    w.code(0b11, 2);
    if w.used > 0 {
        w.bytes.push(w.current);
    }
    let total = 1 + matches * 258;
    let adler = ((total % 65521) << 16 | 1) as u32;
    w.bytes.extend(adler.to_be_bytes());
    w.bytes
}

#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    current: u8,
    used: u8,
}

impl Bits {
    /// A value, least significant bit first.
    fn put(&mut self, value: u64, count: u8) {
        for i in 0..count {
            self.current |= (((value >> i) & 1) as u8) << self.used;
            self.used += 1;
            if self.used == 8 {
                self.bytes.push(self.current);
                self.current = 0;
                self.used = 0;
            }
        }
    }

    /// A Huffman code, most significant bit first.
    fn code(&mut self, code: u64, length: u8) {
        for i in (0..length).rev() {
            self.put((code >> i) & 1, 1);
        }
    }
}

/// A linearised one-page PDF showing `text`: a linearisation dictionary
/// first, the first page's cross-reference section and trailer (with
/// `/Prev`) and its `%%EOF`, the first page's objects, then the main
/// section and the final `%%EOF`; `/L` is the file's length.
pub fn linearised(text: &str) -> Vec<u8> {
    let content = format!("BT /F1 12 Tf 72 760 Td {} Tj ET", literal(text));
    // Main section: 0 (free), 1 font. First-page section: 2 linearisation,
    // 3 catalog, 4 pages, 5 page, 6 content, 7 hint stream.
    let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
    let hint = "<< /Length 4 >>\nstream\n\0\0\0\0\nendstream";
    let first_page = [
        "<< /Type /Catalog /Pages 4 0 R >>".to_string(),
        "<< /Type /Pages /Kids [5 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 4 0 R /Contents 6 0 R /MediaBox [0 0 595 842] \
         /Resources << /Font << /F1 1 0 R >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        hint.to_string(),
    ];
    // Numbers are padded to fixed widths so the lengths do not move.
    let build = |l: usize,
                 h: (usize, usize),
                 e: usize,
                 t: usize,
                 prev: usize,
                 offsets: &[usize]| {
        let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let lin_at = out.len();
        out.extend(
            format!(
                "2 0 obj\n<< /Linearized 1 /L {l:010} /H [{:010} {:010}] /O 5 /E {e:010} /N 1 /T {t:010} >>\nendobj\n",
                h.0, h.1
            )
            .as_bytes(),
        );
        let first_xref = out.len();
        out.extend(b"xref\n2 6\n");
        out.extend(format!("{lin_at:010} 00000 n \n").as_bytes());
        for o in &offsets[3..8] {
            out.extend(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend(
            format!("trailer\n<< /Size 8 /Root 3 0 R /Prev {prev:010} >>\nstartxref\n0\n%%EOF\n")
                .as_bytes(),
        );
        let mut at = vec![0usize; 8];
        for (i, body) in first_page.iter().enumerate() {
            at[3 + i] = out.len();
            out.extend(format!("{} 0 obj\n{body}\nendobj\n", 3 + i).as_bytes());
        }
        let end_of_first_page = out.len();
        at[1] = out.len();
        out.extend(format!("1 0 obj\n{font}\nendobj\n").as_bytes());
        let main_xref = out.len();
        out.extend(b"xref\n0 2\n0000000000 65535 f \n");
        out.extend(format!("{:010} 00000 n \n", at[1]).as_bytes());
        out.extend(format!("trailer\n<< /Size 8 >>\nstartxref\n{first_xref}\n%%EOF\n").as_bytes());
        (out, at, end_of_first_page, main_xref)
    };
    let mut offsets = vec![0usize; 8];
    let mut params = (0, (0, 0), 0, 0, 0);
    for _ in 0..4 {
        let (out, at, e, main_xref) =
            build(params.0, params.1, params.2, params.3, params.4, &offsets);
        offsets = at;
        params = (
            out.len(),
            (offsets[7], hint.len()),
            e,
            main_xref + "xref\n0 2\n".len(),
            main_xref,
        );
    }
    build(params.0, params.1, params.2, params.3, params.4, &offsets).0
}
