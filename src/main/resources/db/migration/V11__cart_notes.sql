-- A note the shopper leaves on a cart (a gift message, a delivery wish); 500 characters, as UpdateCartNoteInput checks.
alter table cart add column notes varchar(500);
