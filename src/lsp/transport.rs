//! The language server's framing: `Content-Length` headers and JSON-RPC
//! bodies, read from any stream and written to any other, so that nothing
//! a client or a network sends can stop the server.
//!
//! `lsp_server`'s own stdio transport ends the server on the first
//! malformed message, and trusts `Content-Length` for its allocation. This
//! one:
//! - answers a body that is not JSON, or not UTF-8, with a parse error
//!   (-32700), and JSON that is not a message (a batch array) with an
//!   invalid request (-32600), then reads on;
//! - takes header lines ended by LF alone as well as CRLF;
//! - refuses a `Content-Length` over [`MAX_MESSAGE`] (or missing, or not a
//!   number) with an error, without reading or allocating it, and finds
//!   the next message by its header;
//! - reads a body as it arrives, so memory follows what was sent, not
//!   what was announced; and a header line longer than [`MAX_HEADER_LINE`]
//!   is cut off rather than read whole.
//!
//! Where a length is wrong, the message it framed is lost and answered
//! with an error; the header of the next one puts the stream back in step.

use std::io::{self, BufRead, Read, Write};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use crossbeam_channel::{Receiver, Sender, bounded};
use lsp_server::{Connection, Message};

/// The largest message read: far more than any release an editor sends
/// (the limit for a file on disk is 128 MiB by default; an editor sends the
/// text as JSON, with escapes).
pub const MAX_MESSAGE: usize = 256 << 20;

/// The longest header line kept; a longer one is read past and refused.
pub const MAX_HEADER_LINE: usize = 1024;

/// The threads of a connection; [`Io::join`] waits for the writer.
pub struct Io {
    pub reader: JoinHandle<()>,
    pub writer: JoinHandle<io::Result<()>>,
}

impl Io {
    /// Waits until every message sent has been written. The reader is not
    /// waited for: it may be blocked on a client that sends nothing more.
    pub fn join(self) -> io::Result<()> {
        self.writer
            .join()
            .map_err(|_| io::Error::other("the writer thread panicked"))?
    }
}

/// A connection over a reader and a writer (standard input and output for
/// `relc lsp`; anything, for tests).
pub fn connect<R, W>(reader: R, writer: W) -> (Connection, Io)
where
    R: BufRead + Send + 'static,
    W: Write + Send + 'static,
{
    let out = Arc::new(Mutex::new(writer));
    let (to_client, outgoing): (Sender<Message>, Receiver<Message>) = bounded(0);
    let writer = {
        let out = Arc::clone(&out);
        std::thread::spawn(move || -> io::Result<()> {
            for msg in outgoing {
                let mut w = out.lock().map_err(|_| io::Error::other("poisoned"))?;
                msg.write(&mut *w)?;
            }
            Ok(())
        })
    };
    let (incoming, from_client) = bounded(0);
    let reader = std::thread::spawn(move || read_loop(reader, &incoming, &out));
    (
        Connection {
            sender: to_client,
            receiver: from_client,
        },
        Io { reader, writer },
    )
}

fn read_loop<R: BufRead, W: Write>(mut r: R, incoming: &Sender<Message>, out: &Mutex<W>) {
    let mut frames = Frames::new(&mut r);
    loop {
        let frame = match frames.next() {
            Ok(Some(f)) => f,
            // End of input, or a stream that cannot be read any more.
            Ok(None) | Err(_) => return,
        };
        let reply = match frame {
            Frame::Body(bytes) => match parse(&bytes) {
                Ok(msg) => {
                    let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
                    if incoming.send(msg).is_err() || exit {
                        return;
                    }
                    continue;
                }
                Err(e) => e,
            },
            Frame::Refused(why) => (PARSE_ERROR, why),
        };
        let Ok(mut w) = out.lock() else {
            return;
        };
        if write_error(&mut *w, reply.0, &reply.1).is_err() {
            return;
        }
    }
}

const PARSE_ERROR: i32 = -32700;
const INVALID_REQUEST: i32 = -32600;

/// A body as a message, or the error to answer it with.
fn parse(bytes: &[u8]) -> Result<Message, (i32, String)> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        (
            PARSE_ERROR,
            format!(
                "the message is not UTF-8: the byte at offset {} is not valid UTF-8",
                e.valid_up_to()
            ),
        )
    })?;
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| (PARSE_ERROR, format!("the message is not JSON: {e}")))?;
    if value.is_array() {
        return Err((
            INVALID_REQUEST,
            "batches of messages are not part of the language server protocol".into(),
        ));
    }
    serde_json::from_value(value).map_err(|e| {
        (
            INVALID_REQUEST,
            format!("the JSON is not a request, a response or a notification: {e}"),
        )
    })
}

/// A JSON-RPC error with no id: the request it answers could not be read.
fn write_error(w: &mut dyn Write, code: i32, message: &str) -> io::Result<()> {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": { "code": code, "message": message },
    })
    .to_string();
    write!(w, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    w.flush()
}

/// What one header and its body gave.
#[derive(Debug, PartialEq)]
enum Frame {
    Body(Vec<u8>),
    /// A header that framed nothing usable; why.
    Refused(String),
}

/// Splits a stream into frames.
struct Frames<'r, R> {
    r: &'r mut R,
}

impl<'r, R: BufRead> Frames<'r, R> {
    fn new(r: &'r mut R) -> Self {
        Frames { r }
    }

    /// The next frame; None at the end of the stream.
    fn next(&mut self) -> io::Result<Option<Frame>> {
        let mut length: Option<Result<usize, String>> = None;
        let mut saw_header = false;
        loop {
            let Some(line) = self.line()? else {
                return Ok(None);
            };
            let mut line = line.trim_end_matches(['\r', '\n']);
            // A header may follow, on the same line, the rest of a body whose
            // length was given short: the stream is back in step there.
            if let Some(at) = line.to_ascii_lowercase().rfind("content-length:") {
                line = &line[at..];
            }
            if line.is_empty() {
                if saw_header {
                    break;
                }
                // Blank lines between messages: passed over.
                continue;
            }
            // A line that is no header at all: bytes out of step, such as
            // the rest of a body whose length was given short. Passed over
            // up to the next header.
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let name = name.trim();
            if name.eq_ignore_ascii_case("content-length") {
                saw_header = true;
                length = Some(
                    value
                        .trim()
                        .parse::<u64>()
                        .map_err(|_| format!("Content-Length `{}` is not a number", value.trim()))
                        .and_then(|n| {
                            usize::try_from(n)
                                .ok()
                                .filter(|&n| n <= MAX_MESSAGE)
                                .ok_or_else(|| {
                                    format!(
                                        "Content-Length {n} is over the most relc reads, {} MiB",
                                        MAX_MESSAGE >> 20
                                    )
                                })
                        }),
                );
            } else if name.eq_ignore_ascii_case("content-type") {
                saw_header = true;
            }
            // Any other line (a header after a stray `:`) is passed over.
        }
        match length {
            None => Ok(Some(Frame::Refused(
                "the message has no Content-Length header".into(),
            ))),
            Some(Err(why)) => Ok(Some(Frame::Refused(why))),
            Some(Ok(n)) => {
                let mut body = Vec::new();
                (&mut *self.r).take(n as u64).read_to_end(&mut body)?;
                if body.len() < n {
                    // The stream ended inside the body.
                    return Ok(None);
                }
                Ok(Some(Frame::Body(body)))
            }
        }
    }

    /// One line, ended by LF, without reading more than
    /// [`MAX_HEADER_LINE`] of it into memory; invalid UTF-8 is replaced.
    /// None at the end of the stream.
    fn line(&mut self) -> io::Result<Option<String>> {
        let mut kept = Vec::new();
        let mut any = false;
        loop {
            let buf = self.r.fill_buf()?;
            if buf.is_empty() {
                return Ok(any.then(|| String::from_utf8_lossy(&kept).into_owned()));
            }
            any = true;
            let (take, done) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let room = MAX_HEADER_LINE.saturating_sub(kept.len());
            kept.extend_from_slice(&buf[..take.min(room)]);
            self.r.consume(take);
            if done {
                return Ok(Some(String::from_utf8_lossy(&kept).into_owned()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Frame, Frames};

    fn frames(input: &[u8]) -> Vec<Frame> {
        let mut r = input;
        let mut f = Frames::new(&mut r);
        let mut out = Vec::new();
        while let Ok(Some(x)) = f.next() {
            out.push(x);
        }
        out
    }

    #[test]
    fn frames_are_read_with_crlf_or_lf_headers() {
        let got = frames(b"Content-Length: 2\r\n\r\n{}Content-Length: 4\n\nnull");
        assert_eq!(
            got,
            vec![Frame::Body(b"{}".to_vec()), Frame::Body(b"null".to_vec())]
        );
    }

    #[test]
    fn absurd_or_missing_lengths_are_refused_without_reading_them() {
        let got = frames(
            b"Content-Length: 1099511627776\r\n\r\nContent-Length: 18446744073709551615\r\n\r\nContent-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}",
        );
        assert!(matches!(&got[0], Frame::Refused(w) if w.contains("over the most")));
        assert!(matches!(&got[1], Frame::Refused(w) if w.contains("over the most")));
        assert!(matches!(&got[2], Frame::Refused(w) if w.contains("no Content-Length")));
        assert_eq!(got[3], Frame::Body(b"{}".to_vec()));
    }

    #[test]
    fn a_short_length_loses_one_message_and_the_next_is_read() {
        // The first body is longer than its header says: the rest of it is
        // passed over up to the next header.
        let got = frames(b"Content-Length: 3\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}");
        assert_eq!(got.first(), Some(&Frame::Body(b"{\"a".to_vec())));
        assert_eq!(got.last(), Some(&Frame::Body(b"{}".to_vec())));
    }

    #[test]
    fn a_huge_header_line_is_not_kept_whole() {
        let mut input = b"X-Junk: ".to_vec();
        input.extend(std::iter::repeat_n(b'a', 10 << 20));
        input.extend_from_slice(b"\r\nContent-Length: 2\r\n\r\n{}");
        assert_eq!(frames(&input), vec![Frame::Body(b"{}".to_vec())]);
    }
}
