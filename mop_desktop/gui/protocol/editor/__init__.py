"""The protocol editor: outline model, editing panel, undo commands, find and replace."""
