package io.asyncstorefront.cart.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("UpdateCartNoteInput")
@Description("The notes to set on one cart.")
public record UpdateCartNoteInput(
        @Description(CartMasks.DESCRIPTION) @NonNull @Pattern(regexp = CartMasks.PATTERN, message = CartMasks.MESSAGE) String cartMask,
        @Description("The notes, at most " + UpdateCartNoteInput.MAX_NOTES
                + " characters; an empty string clears them.") @NonNull @Size(max = UpdateCartNoteInput.MAX_NOTES) String notes) {

    /** The length of cart.notes (V11). */
    static final int MAX_NOTES = 500;
}
