"""One page per area of the main window (visitors, settings, ...).

Pages take the AppContext; each is imported from its own module
(ui.pages.visitors.page.VisitorsPage, ui.pages.settings.page.SettingsPage).
"""
