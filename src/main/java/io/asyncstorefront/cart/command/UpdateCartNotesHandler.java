package io.asyncstorefront.cart.command;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.asyncstorefront.cart.model.CartState;
import io.asyncstorefront.cart.repository.CartRepository;
import io.asyncstorefront.operation.failure.FailureReportInterface;
import io.smallrye.mutiny.Uni;

@Singleton
public class UpdateCartNotesHandler
        extends CartBatchHandler<UpdateCartNotes, UpdateCartNotes.Entry, Void, UpdateCartNotesHandler.NotesRow> {

    /* The carts by primary key, named in an index condition too, as the other cart statements. */
    private static final String SET_NOTES = """
            with r as (select * from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as r(cart_id bigint, notes varchar))
            update cart c set notes = nullif(r.notes, ''), updated_at = now()
            from r
            where c.id = any(array(select cart_id from r)) and c.id = r.cart_id
            """;

    public UpdateCartNotesHandler(CartRepository carts) {
        super(carts);
    }

    @Override
    public Class<UpdateCartNotes> commandClass() {
        return UpdateCartNotes.class;
    }

    @Override
    public String type() {
        return "updateCartNotes";
    }

    @Override
    protected void check(UpdateCartNotes command, Map<String, CartState> carts, Void lookups,
            List<FailureReportInterface> failures) {
    }

    @Override
    protected void change(UpdateCartNotes command, Map<String, CartState> carts, List<NotesRow> rows) {
        for (UpdateCartNotes.Entry entry : command.input()) {
            CartState cart = carts.get(entry.cartMask());
            cart.notes = entry.notes().isEmpty() ? null : entry.notes();
            rows.add(new NotesRow(cart.id, entry.notes()));
        }
    }

    @Override
    protected Uni<Void> write(List<NotesRow> rows) {
        return carts.writeRows(SET_NOTES, rows).replaceWithVoid();
    }

    record NotesRow(@JsonProperty("cart_id") long cartId, String notes) {
    }
}
