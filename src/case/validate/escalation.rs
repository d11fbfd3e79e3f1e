//! The escalation: each request and event names a body of the case, and
//! the events are in date order. What a case may ask of the planner is
//! checked by the plan, beside the lint; the escalation views and the
//! documents' facts in [`doc_checks`](super::doc_checks).

use super::validator::{Validator, path};
use crate::diag::Diagnostic;

impl Validator<'_> {
    /// The bodies the requests and events name, and the events' order.
    pub(super) fn escalation(&mut self) {
        let esc = &self.case.escalation;
        for (i, r) in esc.requested.iter().enumerate() {
            if let Some(body) = &r.body {
                self.body_ref(
                    path(&[&"escalation", &"requested", &i, &"body"]),
                    body,
                    "this request",
                );
            }
        }
        for (i, e) in esc.events.iter().enumerate() {
            if let Some(body) = &e.body {
                self.body_ref(
                    path(&[&"escalation", &"events", &i, &"body"]),
                    body,
                    "this event",
                );
            }
        }
        let mut dates: Vec<_> = esc.events.iter().map(|e| e.date).collect();
        if !dates.is_sorted() {
            dates.sort();
            self.push(
                path(&[&"escalation", &"events"]),
                Diagnostic::error("events-out-of-order", "the events are not in date order")
                    .hint("list them oldest first: each document shows the events up to its own date, in this order"),
            );
        }
    }
}
