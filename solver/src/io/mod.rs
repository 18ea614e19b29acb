//! Readers and writers of instance and result files.

pub mod mps;
pub mod nnet;
pub mod onnx;
pub mod solu;
pub mod vnnlib;

use crate::error::{Error, Result};
use flate2::read::MultiGzDecoder;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Opens a text file for reading, transparently decompressing gzip input (detected by
/// its magic bytes, whatever the file name).
pub fn open_text(path: &Path) -> Result<Box<dyn BufRead>> {
    let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut magic = [0u8; 2];
    let mut got = 0;
    while got < 2 {
        let n = file
            .read(&mut magic[got..])
            .map_err(|e| Error::io(path, e))?;
        if n == 0 {
            break;
        }
        got += n;
    }
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    if got == 2 && magic == [0x1f, 0x8b] {
        Ok(Box::new(BufReader::new(MultiGzDecoder::new(file))))
    } else {
        Ok(Box::new(BufReader::new(file)))
    }
}

/// Reads a whole text file (gzip or plain) into a string.
pub fn read_text(path: &Path) -> Result<String> {
    let mut text = String::new();
    open_text(path)?
        .read_to_string(&mut text)
        .map_err(|e| Error::io(path, e))?;
    Ok(text)
}

/// Reads a whole binary file into memory, transparently decompressing gzip input
/// (detected by its magic bytes, whatever the file name).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let raw = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if raw.len() >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
        let mut out = Vec::new();
        MultiGzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .map_err(|e| Error::io(path, e))?;
        Ok(out)
    } else {
        Ok(raw)
    }
}
