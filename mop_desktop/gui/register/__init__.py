"""The concern register's views: the table model, the case form, set-up and recovery dialogs,
retention review. The page itself is ``gui/pages/concerns.py``; "Lock register now" and the
idle lock are ``gui/register_actions.py``."""
