/* a /* nested */ still open;
SELECT 1;
