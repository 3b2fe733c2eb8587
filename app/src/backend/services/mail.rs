//! Mail: an outbox in the database and a worker that sends it.
//!
//! A message is rendered from Fluent templates in its recipient's language (plain text, plus the
//! same text as simple HTML) and written to the `outbox` table by [`enqueue`], in the same
//! transaction as the change that caused it: a rolled-back change sends nothing, and a committed
//! one is never without its mail. When `SMTP_URL` is set, [`Worker`] sends what is due, retries
//! with a growing delay, and gives up after a day, recording why. Without it, mail stays in the
//! outbox, which admins read at `/admin/outbox`.

use chrono::Duration;
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryFilter, QueryOrder, QuerySelect};

use super::now;
use crate::backend::entities::outbox;
use crate::i18n::{text, translate_args, Lang};

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

/// A message to render: the template (`mail-<kind>-subject`, `mail-<kind>-body`), its arguments,
/// and the link the message is about, if any.
pub struct Letter<'a> {
    pub kind: &'static str,
    pub to: &'a str,
    pub lang: Lang,
    pub name: &'a str,
    pub link: Option<String>,
    /// What the message is about, as `$detail` (an organization's name, a reason).
    pub detail: Option<&'a str>,
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The subject, plain text and HTML of a letter, in its language.
pub fn render(letter: &Letter) -> (String, String, String) {
    let lang = letter.lang;
    let args = [("name", text(letter.name)), ("detail", text(letter.detail.unwrap_or_default()))];
    let subject = translate_args(lang, &format!("mail-{}-subject", letter.kind), &args);
    let body = translate_args(lang, &format!("mail-{}-body", letter.kind), &args);
    let closing = translate_args(lang, "mail-closing", &[]);
    let mut plain = body.clone();
    if let Some(link) = &letter.link {
        plain.push_str("\n\n");
        plain.push_str(link);
    }
    plain.push_str("\n\n");
    plain.push_str(&closing);
    let paragraphs: String =
        body.split("\n\n").map(|p| format!("<p>{}</p>", escape_html(p.trim()).replace('\n', "<br>"))).collect();
    let button = letter.link.as_ref().map_or(String::new(), |l| {
        let action = translate_args(lang, &format!("mail-{}-action", letter.kind), &[]);
        format!("<p><a href=\"{0}\">{1}</a></p><p dir=\"ltr\">{0}</p>", escape_html(l), escape_html(&action))
    });
    let html = format!(
        "<!DOCTYPE html><html lang=\"{code}\" dir=\"{dir}\"><body style=\"font-family:sans-serif\">{paragraphs}{button}<p>{closing}</p></body></html>",
        code = lang.code(),
        dir = lang.dir(),
        closing = escape_html(&closing),
    );
    (subject, plain, html)
}

/// Writes a letter to the outbox; pass the transaction of the change that causes it.
pub async fn enqueue(db: &impl ConnectionTrait, letter: Letter<'_>) -> Result<i64, DbErr> {
    let (subject, body_text, body_html) = render(&letter);
    let at = now();
    let row = outbox::ActiveModel {
        created_at: Set(at),
        recipient: Set(letter.to.to_string()),
        lang: Set(letter.lang.code().to_string()),
        kind: Set(letter.kind.to_string()),
        subject: Set(subject),
        body_text: Set(body_text),
        body_html: Set(body_html),
        status: Set(PENDING.to_string()),
        attempts: Set(0),
        next_attempt_at: Set(at),
        sent_at: Set(None),
        last_error: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// The newest messages first (the admins' view).
pub async fn recent(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<outbox::Model>, DbErr> {
    outbox::Entity::find().order_by_desc(outbox::Column::Id).limit(limit).all(db).await
}

/// Messages to one address, oldest first.
pub async fn to(db: &impl ConnectionTrait, recipient: &str) -> Result<Vec<outbox::Model>, DbErr> {
    outbox::Entity::find()
        .filter(outbox::Column::Recipient.eq(recipient))
        .order_by_asc(outbox::Column::Id)
        .all(db)
        .await
}

/// A text with every word that holds an `@` replaced, for the logs.
pub fn without_addresses(text: &str) -> String {
    text.split(' ').map(|w| if w.contains('@') { "[address]" } else { w }).collect::<Vec<_>>().join(" ")
}

/// Sends the outbox through SMTP.
pub struct Worker {
    pub db: DatabaseConnection,
    transport: lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
    from: lettre::message::Mailbox,
    /// The delay after the first failure; it doubles with each one, up to an hour.
    pub first_retry: Duration,
    /// How long a message is tried before it is given up.
    pub give_up_after: Duration,
}

impl Worker {
    /// `smtp://host:port` (plain), `smtp://…?tls=required` (STARTTLS), `smtps://…`; user and
    /// password in the URL if the server wants them.
    pub fn new(db: DatabaseConnection, smtp_url: &str, from: &str) -> Result<Worker, String> {
        use lettre::{AsyncSmtpTransport, Tokio1Executor};
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| format!("SMTP_URL: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from = from.parse().map_err(|e| format!("TAM_MAIL_FROM: {e}"))?;
        Ok(Worker { db, transport, from, first_retry: Duration::seconds(30), give_up_after: Duration::days(1) })
    }

    fn delay(&self, attempts: i32) -> Duration {
        let factor = 1i32 << attempts.clamp(1, 12).saturating_sub(1);
        (self.first_retry * factor).min(Duration::hours(1))
    }

    /// Sends every message that is due; returns how many went out. Each is first claimed (its next
    /// attempt moved on, if nobody else moved it), so two servers never send one message twice.
    pub async fn deliver_due(&self) -> Result<usize, DbErr> {
        let due = outbox::Entity::find()
            .filter(outbox::Column::Status.eq(PENDING))
            .filter(outbox::Column::NextAttemptAt.lte(now()))
            .order_by_asc(outbox::Column::Id)
            .limit(50)
            .all(&self.db)
            .await?;
        let mut sent = 0;
        for m in due {
            let claimed = outbox::Entity::update_many()
                .col_expr(outbox::Column::NextAttemptAt, Expr::value(now() + Duration::minutes(5)))
                .filter(outbox::Column::Id.eq(m.id))
                .filter(outbox::Column::Status.eq(PENDING))
                .filter(outbox::Column::NextAttemptAt.eq(m.next_attempt_at))
                .exec(&self.db)
                .await?;
            if claimed.rows_affected != 1 {
                continue;
            }
            let attempts = m.attempts + 1;
            let mut row: outbox::ActiveModel = m.clone().into();
            row.attempts = Set(attempts);
            match self.send(&m).await {
                Ok(()) => {
                    row.status = Set(SENT.to_string());
                    row.sent_at = Set(Some(now()));
                    row.last_error = Set(None);
                    sent += 1;
                    tracing::info!(outbox_id = m.id, kind = %m.kind, "mail sent");
                }
                Err(error) => {
                    let error: String = error.chars().take(500).collect();
                    let next = now() + self.delay(attempts);
                    // A server's refusal may quote the address: logs never hold one.
                    let logged = without_addresses(&error);
                    if next - m.created_at > self.give_up_after {
                        row.status = Set(FAILED.to_string());
                        tracing::warn!(outbox_id = m.id, error = %logged, attempts, "mail given up");
                    } else {
                        tracing::info!(outbox_id = m.id, error = %logged, attempts, "mail not sent; will retry");
                    }
                    row.next_attempt_at = Set(next);
                    row.last_error = Set(Some(error));
                }
            }
            row.update(&self.db).await?;
        }
        Ok(sent)
    }

    async fn send(&self, m: &outbox::Model) -> Result<(), String> {
        use lettre::{message::MultiPart, AsyncTransport, Message};
        let to = m.recipient.parse().map_err(|e| format!("recipient: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(m.subject.clone())
            .multipart(MultiPart::alternative_plain_html(m.body_text.clone(), m.body_html.clone()))
            .map_err(|e| format!("building: {e}"))?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| e.to_string())
    }

    /// Sends what is due every two seconds (an indexed look-up), for as long as the server runs.
    pub async fn run(self) {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(2));
        loop {
            every.tick().await;
            if let Err(e) = self.deliver_due().await {
                tracing::warn!(error = %e, "outbox: reading what is due failed");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logged_errors_hold_no_addresses() {
        assert_eq!(
            without_addresses("550 5.1.1 <sara@example.qa>: Recipient address rejected"),
            "550 5.1.1 [address] Recipient address rejected"
        );
    }

    #[test]
    fn letters_are_plain_text_and_escaped_html_in_their_language() {
        let letter = Letter {
            kind: "verify",
            to: "x@example.qa",
            lang: Lang::Ar,
            name: "<b>سارة</b>",
            link: Some("https://tam.example/verify?token=a&b".into()),
            detail: None,
        };
        let (subject, text, html) = render(&letter);
        assert!(subject.contains("أكّد"));
        assert!(text.contains("https://tam.example/verify?token=a&b"));
        assert!(html.contains("dir=\"rtl\"") && html.contains("&lt;b&gt;") && !html.contains("<b>"));
        assert!(html.contains("token=a&amp;b"));
    }
}
