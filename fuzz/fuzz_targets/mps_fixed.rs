//! Fixed-format MPS: every indented line's fields are laid out in the fixed columns
//! (2-3, 5-12, 15-22, 25-36, 40-47, 50-61) before `parse_mps` reads the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

/// 0-based start and width of each fixed field.
const FIELDS: [(usize, usize); 6] = [(1, 2), (4, 8), (14, 8), (24, 12), (39, 8), (49, 12)];

fuzz_target!(|data: &[u8]| {
    let text = relumip_fuzz::text(data);
    let mut fixed = String::with_capacity(text.len() * 2);
    for line in text.lines() {
        if !line.starts_with([' ', '\t']) {
            fixed.push_str(line);
        } else {
            let mut out = vec![b' '; 61];
            for (field, (start, width)) in line.split_whitespace().zip(FIELDS) {
                let bytes: Vec<u8> = field.bytes().filter(u8::is_ascii).take(width).collect();
                out[start..start + bytes.len()].copy_from_slice(&bytes);
            }
            fixed.push_str(String::from_utf8_lossy(&out).trim_end());
        }
        fixed.push('\n');
    }
    let _ = relumip_solver::io::mps::parse_mps(&fixed, "fuzz.mps");
});
