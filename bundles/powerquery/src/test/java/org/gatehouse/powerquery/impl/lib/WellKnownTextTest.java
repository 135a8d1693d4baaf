package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Geography/Geometry Well-Known Text and points. The POINT and LINESTRING records and texts are the worked examples of
 * powerquery.how's pages for these functions (the library reference gives none); the other kinds follow the same shape.
 */
public class WellKnownTextTest {

    @Test
    public void pointsReadAndWritten() {
        same("[Kind = \"POINT\", Longitude = 10, Latitude = 20]", "Geography.FromWellKnownText(\"POINT(10 20)\")");
        same("[Kind = \"POINT\", X = 10, Y = 20]", "Geometry.FromWellKnownText(\"POINT(10 20)\")");
        same("\"POINT(10 20)\"", "Geography.ToWellKnownText([Kind = \"POINT\", Longitude = 10, Latitude = 20])");
        same("\"POINT(10 20)\"", "Geometry.ToWellKnownText([Kind = \"POINT\", X = 10, Y = 20])");
        same("[Kind = \"POINT\", Longitude = -122.3321, Latitude = 47.6062]",
                "Geography.FromWellKnownText(\"  point ( -122.3321   47.6062 ) \")");
        same("\"POINT(-122.3321 47.6062)\"", "Geography.ToWellKnownText(GeographyPoint.From(-122.3321, 47.6062))");
        // coordinates are written as the engine writes any number (Text.From's invariant text)
        same("\"POINT(0.1 -0.00000025)\"",
                "Geometry.ToWellKnownText(GeometryPoint.From(0.1, -2.5e-7))");
        same("null", "Geography.FromWellKnownText(null)");
        same("null", "Geometry.ToWellKnownText(null)");
    }

    @Test
    public void zAndMFollowTheCoordinates() {
        same("[Kind = \"POINT\", Longitude = 1, Latitude = 2, Z = 3, M = 4]", "GeographyPoint.From(1, 2, 3, 4)");
        same("[Kind = \"POINT\", X = 1, Y = 2, M = 4]", "GeometryPoint.From(1, 2, null, 4)");
        same("\"POINT(1 2 3 4)\"", "Geometry.ToWellKnownText(GeometryPoint.From(1, 2, 3, 4))");
        same("\"POINT(1 2 NULL 4)\"", "Geometry.ToWellKnownText(GeometryPoint.From(1, 2, null, 4))");
        same("\"POINT(1 2 3)\"", "Geometry.ToWellKnownText(GeometryPoint.From(1, 2, 3))");
        same("[Kind = \"POINT\", X = 1, Y = 2, Z = 3]", "Geometry.FromWellKnownText(\"POINT(1 2 3)\")");
        same("[Kind = \"POINT\", X = 1, Y = 2, Z = 3]", "Geometry.FromWellKnownText(\"POINT Z (1 2 3)\")");
        same("[Kind = \"POINT\", X = 1, Y = 2, M = 4]", "Geometry.FromWellKnownText(\"POINT M (1 2 4)\")");
        same("[Kind = \"POINT\", X = 1, Y = 2, M = 4]", "Geometry.FromWellKnownText(\"POINT(1 2 NULL 4)\")");
        same("[Kind = \"POINT\", X = 1, Y = 2, Z = 3, M = 4]", "Geometry.FromWellKnownText(\"POINT ZM(1 2 3 4)\")");
    }

    @Test
    public void sridIsKeptAndCanBeOmitted() {
        same("[Kind = \"POINT\", Longitude = 1, Latitude = 2, SRID = 4269]", "GeographyPoint.From(1, 2, null, null, 4269)");
        same("\"SRID=4269;POINT(1 2)\"", "Geography.ToWellKnownText(GeographyPoint.From(1, 2, null, null, 4269))");
        same("\"POINT(1 2)\"", "Geography.ToWellKnownText(GeographyPoint.From(1, 2, null, null, 4269), true)");
        same("[Kind = \"POINT\", X = 1, Y = 2, SRID = 3857]", "Geometry.FromWellKnownText(\"SRID=3857;POINT(1 2)\")");
    }

    @Test
    public void lineStringsHaveTheirPoints() {
        same("[Kind = \"LINESTRING\", Points = {[Kind = \"POINT\", Longitude = 10, Latitude = 10], "
                + "[Kind = \"POINT\", Longitude = 20, Latitude = 20], [Kind = \"POINT\", Longitude = 21, Latitude = 30]}]",
                "Geography.FromWellKnownText(\"LINESTRING(10 10, 20 20, 21 30)\")");
        same("\"LINESTRING(10 10, 20 20, 21 30)\"", "Geometry.ToWellKnownText([Kind = \"LINESTRING\", Points = {"
                + "GeometryPoint.From(10, 10), GeometryPoint.From(20, 20), GeometryPoint.From(21, 30)}])");
    }

    @Test
    public void polygonsHaveRingsAndCollectionsComponents() {
        same("[Kind = \"POLYGON\", Rings = {[Kind = \"LINESTRING\", Points = {[Kind = \"POINT\", X = 0, Y = 0], "
                + "[Kind = \"POINT\", X = 4, Y = 0], [Kind = \"POINT\", X = 0, Y = 4], [Kind = \"POINT\", X = 0, Y = 0]}]}]",
                "Geometry.FromWellKnownText(\"POLYGON((0 0, 4 0, 0 4, 0 0))\")");
        same("[Kind = \"MULTIPOINT\", Components = {[Kind = \"POINT\", X = 1, Y = 2], [Kind = \"POINT\", X = 3, Y = 4]}]",
                "Geometry.FromWellKnownText(\"MULTIPOINT((1 2), (3 4))\")");
        same("Geometry.FromWellKnownText(\"MULTIPOINT((1 2), (3 4))\")",
                "Geometry.FromWellKnownText(\"MULTIPOINT(1 2, 3 4)\")");
        same("{\"LINESTRING\", \"LINESTRING\"}", "List.Transform(Geometry.FromWellKnownText("
                + "\"MULTILINESTRING((0 0, 1 1), (2 2, 3 3))\")[Components], each [Kind])");
        same("{\"POLYGON\"}", "List.Transform(Geometry.FromWellKnownText("
                + "\"MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)))\")[Components], each [Kind])");
        same("{\"POINT\", \"LINESTRING\"}", "List.Transform(Geography.FromWellKnownText("
                + "\"GEOMETRYCOLLECTION(POINT(4 6), LINESTRING(4 6, 7 10))\")[Components], each [Kind])");
        same("[Kind = \"LINESTRING\", Points = {}]", "Geometry.FromWellKnownText(\"LINESTRING EMPTY\")");
    }

    @Test
    public void everyKindWritesBackTheTextItWasReadFrom() {
        for (String wkt : new String[] {"POINT(1.5 -2.25)", "LINESTRING(10 10, 20 20, 21 30)",
                "POLYGON((0 0, 4 0, 0 4, 0 0), (1 1, 2 1, 1 2, 1 1))", "MULTIPOINT((1 2), (3 4))",
                "MULTILINESTRING((0 0, 1 1), (2 2, 3 3))", "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
                "GEOMETRYCOLLECTION(POINT(4 6), LINESTRING(4 6, 7 10))", "POINT EMPTY", "MULTIPOINT EMPTY",
                "SRID=4269;LINESTRING(1 2 3, 4 5 6)"}) {
            same("\"" + wkt + "\"", "Geography.ToWellKnownText(Geography.FromWellKnownText(\"" + wkt + "\"))");
            same("\"" + wkt + "\"", "Geometry.ToWellKnownText(Geometry.FromWellKnownText(\"" + wkt + "\"))");
        }
    }

    @Test
    public void badTextIsADataFormatError() {
        fails("DataFormat.Error", "Geography.FromWellKnownText(\"POINT(10)\")");
        fails("DataFormat.Error", "Geography.FromWellKnownText(\"POINT(10 20\")");
        fails("DataFormat.Error", "Geography.FromWellKnownText(\"CIRCLE(10 20)\")");
        fails("DataFormat.Error", "Geometry.FromWellKnownText(\"POINT(1 2) extra\")");
        fails("DataFormat.Error", "Geometry.FromWellKnownText(\"LINESTRING(1 2, x 3)\")");
        fails("DataFormat.Error", "Geometry.FromWellKnownText(\"\")");
        fails("Expression.Error", "Geometry.ToWellKnownText([Kind = \"LINESTRING\"])");
        fails("Expression.Error", "Geometry.ToWellKnownText([Kind = \"POINT\", Longitude = 1, Latitude = 2])");
    }
}
