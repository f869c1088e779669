//! One piece of work per animation frame. A period change on the dashboard means new figures
//! for several sections and several charts; done at once that is one long frame (and a janky
//! page on a slow laptop). Each piece (a section's figures, one chart's update) is queued here
//! and runs in a frame of its own, in the order it was queued.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

type Job = Box<dyn FnOnce()>;

thread_local! {
    static QUEUE: RefCell<VecDeque<Job>> = RefCell::default();
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `job` in an animation frame of its own, after the work queued before it.
pub fn in_own_frame(job: impl FnOnce() + 'static) {
    QUEUE.with(|q| q.borrow_mut().push_back(Box::new(job)));
    schedule();
}

/// Runs `job` in the next animation frame, before the work already queued: the second half
/// of a piece of work that was split in two.
pub fn in_next_frame(job: impl FnOnce() + 'static) {
    QUEUE.with(|q| q.borrow_mut().push_front(Box::new(job)));
    schedule();
}

/// True while work is waiting for its frame.
pub fn pending() -> bool {
    QUEUE.with(|q| !q.borrow().is_empty())
}

fn schedule() {
    if !SCHEDULED.replace(true) {
        leptos::prelude::request_animation_frame(run_one);
    }
}

fn run_one() {
    SCHEDULED.set(false);
    // Taken out before it runs: a job may queue more work.
    let job = QUEUE.with(|q| q.borrow_mut().pop_front());
    if let Some(job) = job {
        job();
    }
    if pending() {
        schedule();
    }
}
