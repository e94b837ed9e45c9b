"""The concern register's views: the table model, the case form, set-up and recovery dialogs,
retention review. The page itself is ``gui/register/page.py``; "Lock register now" and the
idle lock are ``gui/register/actions.py``."""
