//! Helpers shared by the fuzz targets of relumip.

/// Bytes as text, invalid UTF-8 replaced (as the file readers do for MPS).
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// A reader of small numbers from fuzz bytes: each call takes the next byte (zero
/// once the bytes run out).
pub struct Bytes<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Bytes<'a> {
    /// Reads from the start of `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Bytes { data, at: 0 }
    }

    /// The next byte.
    pub fn byte(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    /// A number in `[lo, hi]` from the next byte (256 steps).
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * f64::from(self.byte()) / 255.0
    }

    /// An integer in `[lo, hi]` from the next byte.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + usize::from(self.byte()) % (hi - lo + 1)
    }
}
