//! Readers and writers of instance and result files.

pub mod mps;
pub mod nnet;
pub mod onnx;
pub mod relu;
pub mod solu;
pub mod vectors;
pub mod vnnlib;

use crate::error::{Error, Result};
use flate2::read::MultiGzDecoder;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

/// Reads a network by its file name: `.onnx` / `.onnx.gz` (ONNX) or `.nnet`
/// (`.nnet.gz`). A `.nnet` file's normalisation is folded in when `nnet_raw` is true
/// (the network then maps raw to raw units); otherwise it is ignored, as in the ONNX
/// versions of the ACAS Xu networks and their VNN-LIB properties.
pub fn read_network(path: &Path, nnet_raw: bool) -> Result<crate::nn::Network> {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".onnx") {
        onnx::read_onnx(path)
    } else if name.ends_with(".nnet") {
        let normalisation = if nnet_raw {
            nnet::NnetNormalisation::Fold
        } else {
            nnet::NnetNormalisation::None
        };
        nnet::read_nnet(path, normalisation)
    } else {
        Err(Error::Invalid(format!(
            "{}: unknown network format (expected .onnx, .onnx.gz or .nnet)",
            path.display()
        )))
    }
}

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
