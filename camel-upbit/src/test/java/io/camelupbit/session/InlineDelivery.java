package io.camelupbit.session;

/** Deliveries for session tests: the route runs on the caller's thread and is done with each event at once. */
final class InlineDelivery {

    private InlineDelivery() {
    }

    /** A new route (identity matters: two routes with equal specs are still two routes). */
    static Delivery of(SubscriptionSpec spec) {
        return new Delivery(spec, new DeliveryPolicy(false, false, 10), false, false, Runnable::run,
                new Delivery.Sink() {
                    @Override
                    public void process(ReceivedEvent event, long droppedBefore, Delivery.Completion completion) {
                        completion.completed(false);
                    }

                    @Override
                    public void onError(Throwable cause) {
                    }

                    @Override
                    public void onFailure(ReceivedEvent event, Throwable cause) {
                    }
                });
    }
}
