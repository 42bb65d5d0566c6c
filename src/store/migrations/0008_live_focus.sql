-- Schema version 8: the practice on screen in a workshop (live voting), so
-- the window, the CLI and the participants' server agree on it and a
-- restart resumes the room. NULL: no practice on screen yet.
ALTER TABLE assessment ADD COLUMN focus_practice TEXT;
