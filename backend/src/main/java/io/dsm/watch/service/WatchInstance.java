package io.dsm.watch.service;

import jakarta.inject.Singleton;

import io.dsm.common.concurrent.InstanceName;

/** How this instance signs its claims on checks, readable in the store. */
@Singleton
public class WatchInstance {

    private final String name = InstanceName.generate();

    public String name() {
        return name;
    }
}
