// Runs a piece of work on the office's main thread and waits for it (issue 11: "a remote caller
// pays 1.4–2.2× for the same work as the toolbar, because thousands of small calls each take the
// office's lock from another thread: do the bulk work in one call on the office side").
//
// A call that arrives over the bridge (ogi-check, a Python or Java macro, the tests) runs on a
// bridge thread. Every Writer or Calc call the work makes takes the office's SolarMutex and,
// when it lets it go, wakes the main thread, which takes it in turn: thousands of hand-overs
// per check. On the main thread, which holds that mutex while it handles an event, the same
// calls take it recursively, without waking anyone.
//
// How: the work is posted with awt::AsyncCallback (the office's user-event queue) and the
// calling thread waits for it. Never a deadlock: on the main thread itself (a toolbar command),
// the work runs at once; when the main thread does not start it within kStartTimeout — it is
// busy, shutting down, or waiting for the office's lock that the calling thread holds (a Basic
// macro invoked over the bridge runs under that lock) — the calling thread withdraws it and runs
// it itself, as before. When the main thread did not even come to the withdrawn work while the
// caller did it (a sign that it waits for the caller's lock), the caller's next calls within
// kDirectAfterTimeout run on it without asking (a Basic loop pays the timeout once, not per
// call); a main thread that was only busy gets the next call again. Exceptions of the work
// reach the caller unchanged.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <chrono>
#include <exception>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

namespace ogiuno {

/// True on the office's main (event-loop) thread; false on any other thread and where that
/// cannot be known (then the work simply runs on the calling thread).
bool onOfficeMainThread();

/// How long a caller waits for the main thread to start the work before doing it itself (an
/// idle main thread starts it within microseconds).
constexpr std::chrono::milliseconds kStartTimeout{50};
/// After such a timeout, how long the same thread works on its own without asking again.
constexpr std::chrono::milliseconds kDirectAfterTimeout{2000};

/// Runs `job` on the main thread (see above) and returns when it is done; rethrows what it threw.
void runOnMainThread(const css::uno::Reference<css::uno::XComponentContext>& ctx, const std::function<void()>& job);

/// The same, returning what `f` returns.
template <typename F> auto onMainThread(const css::uno::Reference<css::uno::XComponentContext>& ctx, F&& f)
    -> decltype(f())
{
    using R = decltype(f());
    if constexpr (std::is_void_v<R>) {
        runOnMainThread(ctx, std::function<void()>(std::forward<F>(f)));
    } else {
        std::optional<R> result;
        runOnMainThread(ctx, [&] { result.emplace(f()); });
        return std::move(*result);
    }
}

} // namespace ogiuno
