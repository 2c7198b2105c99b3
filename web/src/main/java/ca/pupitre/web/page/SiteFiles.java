package ca.pupitre.web.page;

import ca.pupitre.web.api.PupitreApi;
import ca.pupitre.web.view.Page;
import ca.pupitre.web.view.WebConfig;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** {@code robots.txt} and {@code sitemap.xml}: what search engines read first. */
@Path("/")
@Blocking
public class SiteFiles {

    /** The sitemap protocol's limit for one file. */
    static final int MAX_URLS = 50_000;
    private static final int PAGE = 100;

    private final PupitreApi api;
    private final String publicUrl;

    public SiteFiles(@RestClient PupitreApi api, WebConfig config) {
        this.api = api;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    /** Browsers ask for /favicon.ico on their own: the icon is an SVG. */
    @GET
    @Path("favicon.ico")
    public Response favicon() {
        return Response.status(301).location(URI.create("/static/favicon.svg"))
                .header("Cache-Control", "public, max-age=86400").build();
    }

    @GET
    @Path("robots.txt")
    @Produces("text/plain;charset=UTF-8")
    public String robots() {
        return "User-agent: *\n"
                + "Disallow: /api/\n"
                + "Disallow: /fr/compte\nDisallow: /en/account\n"
                + "Disallow: /fr/connexion\nDisallow: /en/sign-in\n"
                + "Sitemap: " + publicUrl + "/sitemap.xml\n";
    }

    /**
     * Every published listing in both languages (with {@code hreflang} alternates), read page by page from the
     * search API and written as it comes: memory stays flat whatever the number of listings.
     */
    @GET
    @Path("sitemap.xml")
    @Produces("application/xml;charset=UTF-8")
    public StreamingOutput sitemap() {
        return out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
                    + " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
            url(w, Page.HOME.path("fr"), Page.HOME.path("en"), null);
            url(w, Page.HOME.path("en"), Page.HOME.path("fr"), null);
            url(w, Page.SEARCH.path("fr"), Page.SEARCH.path("en"), null);
            url(w, Page.SEARCH.path("en"), Page.SEARCH.path("fr"), null);
            int written = 4;
            String cursor = null;
            do {
                PupitreApi.SearchPage page = api.searchListings(null, null, null, null, null, null, null, null, null,
                        "NEWEST", cursor, PAGE, null);
                for (PupitreApi.Listing l : page.items()) {
                    String modified = l.publishedAt() == null ? null : l.publishedAt().toString();
                    url(w, Page.LISTING.path("fr", l.id()), Page.LISTING.path("en", l.id()), modified);
                    url(w, Page.LISTING.path("en", l.id()), Page.LISTING.path("fr", l.id()), modified);
                    written += 2;
                }
                cursor = page.nextCursor();
            } while (cursor != null && written < MAX_URLS - PAGE * 2);
            w.write("</urlset>\n");
            w.flush();
        };
    }

    private void url(Writer w, String path, String alternate, String lastModified) throws IOException {
        boolean french = path.startsWith("/fr/");
        w.write("<url><loc>" + publicUrl + path + "</loc>");
        if (lastModified != null) {
            w.write("<lastmod>" + lastModified + "</lastmod>");
        }
        w.write("<xhtml:link rel=\"alternate\" hreflang=\"" + (french ? "fr-CA" : "en-CA") + "\" href=\"" + publicUrl + path + "\"/>");
        w.write("<xhtml:link rel=\"alternate\" hreflang=\"" + (french ? "en-CA" : "fr-CA") + "\" href=\"" + publicUrl + alternate
                + "\"/></url>\n");
    }
}
