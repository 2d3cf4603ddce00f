package io.dsm.datasource;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where the standby half of a PRIMARY_STANDBY data source is reached. */
@Embeddable
public class StandbyEndpoint {

    @Column(name = "standby_host")
    public String host;

    @Column(name = "standby_port")
    public Integer port;

    @Column(name = "standby_username")
    public String username;

    @Column(name = "standby_password_sealed")
    public String passwordSealed;

    @Column(name = "standby_password_ref")
    public String passwordRef;
}
