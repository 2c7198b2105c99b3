package ca.pupitre.gateway.partner;

/** The syndication feeds a partner may be allowed to read (served by listings-service). */
public enum Feed {
    JOBS_JSONLD, JOBS_XML, SERVICES_JSONLD, SERVICES_ATOM, CHANGES
}
