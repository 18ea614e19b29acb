//! Random edits of a VNN-LIB text never make the parser panic.

use proptest::prelude::*;
use relumip_solver::io::vnnlib::parse_vnnlib;

const TEXT: &str = "; sample property\n\
(declare-const X_0 Real)\n\
(declare-const X_1 Real)\n\
(declare-const Y_0 Real)\n\
(declare-const Y_1 Real)\n\
(declare-const Y_2 Real)\n\
(assert (or\n\
    (and (<= X_0 0.7) (>= X_0 -1.2e-1) (<= X_1 0.5) (>= X_1 0.1))\n\
    (and (<= X_0 0.7) (>= X_0 -0.12) (<= X_1 -0.1) (>= X_1 -0.5))\n\
))\n\
(assert (<= (+ (* 2 X_0) (- X_1)) 3))\n\
(assert (or\n\
    (and (<= Y_1 Y_0) (>= (- Y_2 Y_0 1.5) -3))\n\
    (and (<= (* Y_2 0.5) Y_0))\n\
))\n";

/// Characters that make interesting edits.
const ALPHABET: &[u8] = b"()<>=+-*/;. \nXY_0123456789eE";

#[derive(Clone, Debug)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, u8),
    Replace(usize, u8),
    Duplicate(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..20).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), 0..ALPHABET.len()).prop_map(|(a, c)| Edit::Insert(a, ALPHABET[c])),
        (any::<usize>(), 0..ALPHABET.len()).prop_map(|(a, c)| Edit::Replace(a, ALPHABET[c])),
        (any::<usize>(), 1usize..40).prop_map(|(a, n)| Edit::Duplicate(a, n)),
    ]
}

fn apply(text: &mut Vec<u8>, e: &Edit) {
    let len = text.len().max(1);
    match *e {
        Edit::Delete(at, n) => {
            let at = at % len;
            let end = (at + n).min(text.len());
            text.drain(at.min(end)..end);
        }
        Edit::Insert(at, c) => text.insert(at % (text.len() + 1), c),
        Edit::Replace(at, c) => {
            if !text.is_empty() {
                let i = at % text.len();
                text[i] = c;
            }
        }
        Edit::Duplicate(at, n) => {
            let at = at % len;
            let end = (at + n).min(text.len());
            let piece: Vec<u8> = text[at.min(end)..end].to_vec();
            text.splice(at.min(end)..at.min(end), piece);
        }
    }
}

#[test]
fn the_sample_is_valid() {
    let p = parse_vnnlib(TEXT, "fuzz.vnnlib").unwrap();
    assert_eq!(p.cases.len(), 4);
}

proptest! {
    #[test]
    fn random_edits_never_panic(edits in prop::collection::vec(edit(), 1..8)) {
        let mut text = TEXT.as_bytes().to_vec();
        for e in &edits {
            apply(&mut text, e);
        }
        let text = String::from_utf8_lossy(&text);
        if let Ok(p) = parse_vnnlib(&text, "fuzz.vnnlib") {
            for case in &p.cases {
                prop_assert!(case.input_lower.iter().zip(&case.input_upper).all(|(l, u)| l <= u));
                prop_assert!(case.input_lower.iter().all(|v| v.is_finite()));
                let x = case.input_lower.clone();
                let y = vec![0.0; p.num_outputs];
                let _ = case.contains_input(&x, 0.0) && case.output_holds(&y, 0.0);
            }
        }
    }

    #[test]
    fn random_text_never_panics(bytes in prop::collection::vec(prop::sample::select(ALPHABET.to_vec()), 0..200)) {
        let _ = parse_vnnlib(&String::from_utf8_lossy(&bytes), "fuzz.vnnlib");
    }
}
