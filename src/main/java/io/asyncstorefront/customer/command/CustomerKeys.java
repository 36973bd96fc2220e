package io.asyncstorefront.customer.command;

final class CustomerKeys {

    private CustomerKeys() {
    }

    static String of(String email) {
        return "Customer:" + email;
    }
}
