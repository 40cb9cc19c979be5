//! Input read and standard output written by threads of their own: the work of a large input
//! and output (the kernel's copies from the log and into the output file were about a quarter of
//! `quote --jsonl FILE > out`) runs beside the checking instead of between its lines.

use std::io::{self, BufRead, Read, Write};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread::JoinHandle;

/// How many bytes are gathered before they go to the writer.
const CHUNK: usize = 1 << 18;

/// What the writer thread is sent.
enum Message {
    /// Bytes to write.
    Bytes(Vec<u8>),
    /// Flush, then say so.
    Flush,
}

/// A [`Write`] to standard output whose writes happen on a thread of their own, in order.
/// [`Pipe::finish`] waits for them and returns the first error; [`Write::flush`] waits until
/// everything written so far is out (so stderr can follow stdout in order).
pub struct Pipe {
    buf: Vec<u8>,
    to_writer: Option<SyncSender<Message>>,
    /// Emptied buffers coming back, so a long output does not allocate a buffer per chunk.
    spare: Receiver<Vec<u8>>,
    flushed: Receiver<()>,
    writer: Option<JoinHandle<io::Result<()>>>,
}

impl Pipe {
    /// Starts the writer thread. Standard output is locked by it alone, for as long as it runs.
    pub fn stdout() -> Pipe {
        let (to_writer, messages) = sync_channel::<Message>(2);
        let (give_back, spare) = sync_channel::<Vec<u8>>(2);
        let (say_flushed, flushed) = sync_channel::<()>(1);
        let writer = std::thread::spawn(move || -> io::Result<()> {
            let mut out = io::stdout().lock();
            for message in messages {
                match message {
                    Message::Bytes(mut bytes) => {
                        out.write_all(&bytes)?;
                        bytes.clear();
                        let _ = give_back.try_send(bytes);
                    }
                    Message::Flush => {
                        out.flush()?;
                        let _ = say_flushed.send(());
                    }
                }
            }
            out.flush()
        });
        Pipe {
            buf: Vec::with_capacity(CHUNK),
            to_writer: Some(to_writer),
            spare,
            flushed,
            writer: Some(writer),
        }
    }

    /// Sends `message`; if the writer has stopped, its error.
    fn send(&mut self, message: Message) -> io::Result<()> {
        let sent = match &self.to_writer {
            Some(to_writer) => to_writer.send(message).is_ok(),
            None => false,
        };
        if sent {
            Ok(())
        } else {
            Err(self.stop().err().unwrap_or_else(|| {
                io::Error::new(io::ErrorKind::BrokenPipe, "the output writer stopped")
            }))
        }
    }

    /// Sends what is gathered.
    fn send_buffer(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let next = self
            .spare
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(CHUNK));
        let full = std::mem::replace(&mut self.buf, next);
        self.send(Message::Bytes(full))
    }

    /// Ends the writer thread and returns how it ended.
    fn stop(&mut self) -> io::Result<()> {
        self.to_writer = None;
        match self.writer.take() {
            Some(writer) => writer
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("the output writer panicked"))),
            None => Ok(()),
        }
    }

    /// Writes out everything and waits for it: the first error writing, if any.
    pub fn finish(mut self) -> io::Result<()> {
        self.send_buffer()?;
        self.stop()
    }
}

impl Write for Pipe {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= CHUNK {
            self.send_buffer()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send_buffer()?;
        self.send(Message::Flush)?;
        if self.flushed.recv().is_err() {
            return Err(self.stop().err().unwrap_or_else(|| {
                io::Error::new(io::ErrorKind::BrokenPipe, "the output writer stopped")
            }));
        }
        Ok(())
    }
}

impl Drop for Pipe {
    /// Without [`Pipe::finish`] (an error path), still lets the writer write what it has.
    fn drop(&mut self) {
        let _ = self.send_buffer();
        let _ = self.stop();
    }
}

/// A [`BufRead`] over `inner` whose reads happen ahead on a thread of their own, in chunks.
/// An error reading is returned once, where it happened in the input.
pub struct ReadAhead {
    chunk: Vec<u8>,
    at: usize,
    chunks: Receiver<io::Result<Vec<u8>>>,
    /// Read buffers going back to the reader, so a long input does not allocate one per chunk.
    give_back: SyncSender<Vec<u8>>,
    done: bool,
}

impl ReadAhead {
    /// Starts reading `inner` on a new thread.
    pub fn new(mut inner: impl Read + Send + 'static) -> ReadAhead {
        let (send, chunks) = sync_channel::<io::Result<Vec<u8>>>(2);
        let (give_back, spare) = sync_channel::<Vec<u8>>(3);
        std::thread::spawn(move || loop {
            let mut buf = spare.try_recv().unwrap_or_default();
            buf.resize(CHUNK, 0);
            let read = loop {
                match inner.read(&mut buf) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    other => break other,
                }
            };
            let last = !matches!(read, Ok(n) if n > 0);
            let message = read.map(|n| {
                buf.truncate(n);
                buf
            });
            // The reading side gone, or the input ended: nothing more to do.
            if send.send(message).is_err() || last {
                break;
            }
        });
        ReadAhead {
            chunk: Vec::new(),
            at: 0,
            chunks,
            give_back,
            done: false,
        }
    }
}

impl Read for ReadAhead {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl BufRead for ReadAhead {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.at == self.chunk.len() && !self.done {
            match self.chunks.recv() {
                Ok(Ok(next)) if !next.is_empty() => {
                    let used = std::mem::replace(&mut self.chunk, next);
                    let _ = self.give_back.try_send(used);
                    self.at = 0;
                }
                Ok(Err(e)) => {
                    self.done = true;
                    return Err(e);
                }
                // The end of the input.
                Ok(Ok(_)) | Err(_) => self.done = true,
            }
        }
        Ok(&self.chunk[self.at..])
    }

    fn consume(&mut self, amount: usize) {
        self.at = (self.at + amount).min(self.chunk.len());
    }
}
