//! A `Read` over lines made on demand, so that a test can feed millions of lines, or very long
//! ones, without holding the input in memory.

use std::io::Read;

/// Calls `next_line` for each line: it appends one line (with its `\n`) to the buffer it is
/// given and returns `true`, or returns `false` at the end of the input.
pub struct LineReader<F> {
    next_line: F,
    line: Vec<u8>,
    at: usize,
}

impl<F: FnMut(&mut Vec<u8>) -> bool> LineReader<F> {
    pub fn new(next_line: F) -> Self {
        LineReader {
            next_line,
            line: Vec::new(),
            at: 0,
        }
    }
}

impl<F: FnMut(&mut Vec<u8>) -> bool> Read for LineReader<F> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.line.len() {
            self.line.clear();
            self.at = 0;
            if !(self.next_line)(&mut self.line) {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.line.len() - self.at);
        buf[..n].copy_from_slice(&self.line[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}
