#include "MainThread.hxx"

#include "UnoUtil.hxx"

#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <cppuhelper/implbase1.hxx>

#include <condition_variable>
#include <memory>
#include <mutex>

#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#endif

using namespace css;

namespace ogiuno {

bool onOfficeMainThread()
{
#if defined(__linux__)
    // soffice.bin runs its event loop on the process's initial thread, whose id is the pid.
    return static_cast<pid_t>(::syscall(SYS_gettid)) == ::getpid();
#else
    return false;
#endif
}

namespace {

/// One posted job: who runs it (the main thread, or the caller after a timeout), and its outcome.
struct Handoff {
    enum class State { Pending, Running, Done, Withdrawn };
    std::mutex mutex;
    std::condition_variable changed;
    State state = State::Pending;
    std::function<void()> job;
    std::exception_ptr error;
    bool reachedWhileWithdrawn = false;   // the main thread came to it after the caller took it back

    void run()   // on the main thread
    {
        {
            std::lock_guard<std::mutex> lock(mutex);
            if (state != State::Pending) {
                reachedWhileWithdrawn = true;   // withdrawn: the caller runs it itself
                return;
            }
            state = State::Running;
        }
        changed.notify_all();
        try {
            job();
        } catch (...) {
            error = std::current_exception();
        }
        {
            std::lock_guard<std::mutex> lock(mutex);
            state = State::Done;
        }
        changed.notify_all();
    }
};

class HandoffCallback : public cppu::WeakImplHelper1<awt::XCallback> {
public:
    explicit HandoffCallback(std::shared_ptr<Handoff> h) : m_handoff(std::move(h)) {}
    void SAL_CALL notify(const uno::Any&) override { m_handoff->run(); }   // run() lets nothing out

private:
    std::shared_ptr<Handoff> m_handoff;
};

} // namespace

void runOnMainThread(const uno::Reference<uno::XComponentContext>& ctx, const std::function<void()>& job)
{
    // Until when this thread works on its own (after the main thread did not start its work).
    thread_local std::chrono::steady_clock::time_point directUntil;
    if (onOfficeMainThread() || !ctx.is() || std::chrono::steady_clock::now() < directUntil) {
        job();
        return;
    }
    auto handoff = std::make_shared<Handoff>();
    handoff->job = job;
    try {
        uno::Reference<awt::XRequestCallback> async = awt::AsyncCallback::create(ctx);
        async->addCallback(new HandoffCallback(handoff), uno::Any());
    } catch (const uno::Exception& e) {
        logLine("main thread not reachable (" + toStd(e.Message) + "): working on the calling thread");
        job();
        return;
    }
    std::unique_lock<std::mutex> lock(handoff->mutex);
    if (!handoff->changed.wait_for(lock, kStartTimeout, [&] { return handoff->state != Handoff::State::Pending; })) {
        handoff->state = Handoff::State::Withdrawn;
        lock.unlock();
        // When the main thread reaches the withdrawn job while this thread does it, it was only
        // busy: the next call hands over again. When it does not, it probably waits for the lock
        // this thread holds (a Basic macro): then this thread works on its own for a while.
        struct Verdict {
            Handoff& h;
            std::chrono::steady_clock::time_point& until;
            ~Verdict()
            {
                std::lock_guard<std::mutex> g(h.mutex);
                if (!h.reachedWhileWithdrawn)
                    until = std::chrono::steady_clock::now() + kDirectAfterTimeout;
            }
        } verdict{*handoff, directUntil};
        job();
        return;
    }
    handoff->changed.wait(lock, [&] { return handoff->state == Handoff::State::Done; });
    if (handoff->error)
        std::rethrow_exception(handoff->error);
}

} // namespace ogiuno
