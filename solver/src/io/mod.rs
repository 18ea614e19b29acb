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
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder that is
/// synced and then renamed into place: whoever reads the path (or finds it after a
/// killed run) sees the old file or the new one, never a part. On Unix the new file
/// gets mode `0644` (the temporary file is created `0600`).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |e| Error::io(path, e);
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".relumip-")
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(io)?;
    temp.write_all(bytes).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(temp.path(), std::fs::Permissions::from_mode(0o644))
            .map_err(io)?;
    }
    temp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// `bytes`, gzip-compressed when `path` ends in `.gz` (any case).
pub(crate) fn maybe_gzip(path: &Path, bytes: &[u8]) -> Result<Vec<u8>> {
    if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    {
        return Ok(bytes.to_vec());
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(bytes)
        .and_then(|_| encoder.finish())
        .map_err(|e| Error::io(path, e))
}

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

/// Reads a whole text file (gzip or plain) into a string (at most
/// [`MAX_DECOMPRESSED_BYTES`]).
pub fn read_text(path: &Path) -> Result<String> {
    let mut text = String::new();
    open_text(path)?
        .take(MAX_DECOMPRESSED_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| Error::io(path, e))?;
    if text.len() as u64 > MAX_DECOMPRESSED_BYTES {
        return Err(Error::Invalid(format!(
            "{}: more than {MAX_DECOMPRESSED_BYTES} bytes of text",
            path.display()
        )));
    }
    Ok(text)
}

/// Reads a whole binary file into memory, transparently decompressing gzip input
/// (detected by its magic bytes, whatever the file name; at most
/// [`MAX_DECOMPRESSED_BYTES`]).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let raw = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if raw.len() >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
        gunzip_bounded(&raw, &path.display().to_string(), MAX_DECOMPRESSED_BYTES)
    } else {
        Ok(raw)
    }
}

/// The most bytes a gzip input may decompress to: a larger stream (a "gzip bomb",
/// or a file far beyond any model relumip can hold) is an error, not an abort.
pub const MAX_DECOMPRESSED_BYTES: u64 = 4 << 30;

/// The decompressed content of the gzip stream `bytes` (`file_label` names it in
/// errors), refused once it exceeds `limit` bytes.
pub fn gunzip_bounded(bytes: &[u8], file_label: &str, limit: u64) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    MultiGzDecoder::new(bytes)
        .take(limit.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|cause| Error::Io {
            file: file_label.to_string(),
            cause,
        })?;
    if out.len() as u64 > limit {
        return Err(Error::Invalid(format!(
            "{file_label}: the gzip stream decompresses to more than {limit} bytes"
        )));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A gzip stream that decompresses to more than the limit is refused with the
    /// file named; one within it comes back whole.
    #[test]
    fn gzip_beyond_the_limit_is_an_error() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&vec![b'x'; 1 << 20]).unwrap();
        let bytes = gz.finish().unwrap();
        assert!(bytes.len() < 4096);
        let err = gunzip_bounded(&bytes, "bomb.mps.gz", 1 << 19).unwrap_err();
        assert!(err.to_string().contains("bomb.mps.gz"), "{err}");
        assert!(err.to_string().contains("more than 524288 bytes"), "{err}");
        assert_eq!(
            gunzip_bounded(&bytes, "ok.gz", 1 << 20).unwrap().len(),
            1 << 20
        );
    }

    /// The new content replaces the old one, nothing else is left in the folder, a
    /// `.gz` name is compressed and reads back, and a folder that does not exist is
    /// an error naming the file (the old file untouched).
    #[test]
    fn atomic_writes_replace_whole_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.txt");
        write_atomically(&path, b"old\n").expect("written");
        write_atomically(&path, b"new content\n").expect("rewritten");
        assert_eq!(read_text(&path).expect("read"), "new content\n");
        let gz = dir.path().join("out.txt.gz");
        write_atomically(&gz, &maybe_gzip(&gz, b"packed\n").expect("gzip")).expect("written");
        assert_eq!(read_text(&gz).expect("read"), "packed\n");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("listed")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        let missing = dir.path().join("no").join("such.txt");
        let err = write_atomically(&missing, b"x").expect_err("no folder");
        assert!(err.to_string().contains("such.txt"), "{err}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path)
                .expect("metadata")
                .permissions()
                .mode();
            assert_ne!(mode & 0o044, 0, "readable by others as usual: {mode:o}");
        }
    }
}
