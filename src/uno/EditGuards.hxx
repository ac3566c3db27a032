// Exception-safe scopes around a change to a document: one undo step, and no repaint while
// it is made. Used by the check (marks) and by template insertion.
#pragma once

#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <rtl/ustring.hxx>

namespace ogiuno {

/// enterUndoContext/leaveUndoContext, exception-safe.
class UndoContext {
public:
    UndoContext(const css::uno::Reference<css::lang::XComponent>& model, const rtl::OUString& title)
    {
        css::uno::Reference<css::document::XUndoManagerSupplier> supplier(model, css::uno::UNO_QUERY);
        if (supplier.is())
            m_manager = supplier->getUndoManager();
        if (m_manager.is())
            m_manager->enterUndoContext(title);
    }
    ~UndoContext()
    {
        try {
            if (m_manager.is())
                m_manager->leaveUndoContext();
        } catch (...) {
        }
    }
    UndoContext(const UndoContext&) = delete;
    UndoContext& operator=(const UndoContext&) = delete;

private:
    css::uno::Reference<css::document::XUndoManager> m_manager;
};

/// lockControllers/unlockControllers: no repaint per cell while marking.
class ControllerLock {
public:
    explicit ControllerLock(const css::uno::Reference<css::lang::XComponent>& model) : m_model(model, css::uno::UNO_QUERY)
    {
        if (m_model.is())
            m_model->lockControllers();
    }
    ~ControllerLock()
    {
        try {
            if (m_model.is())
                m_model->unlockControllers();
        } catch (...) {
        }
    }
    ControllerLock(const ControllerLock&) = delete;
    ControllerLock& operator=(const ControllerLock&) = delete;

private:
    css::uno::Reference<css::frame::XModel> m_model;
};

} // namespace ogiuno
