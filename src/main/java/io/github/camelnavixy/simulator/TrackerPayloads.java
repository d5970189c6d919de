package io.github.camelnavixy.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds the per-tracker payloads (source state full/compact, readings, IoT last values) with the field names, order
 * and value types of Navixy's samples (spec §5.4, §5.6): ids and ints as JSON numbers, {@code additional} values as
 * strings, explicit nulls where the samples have them. Envelopes are {@link EventShapes}' job.
 */
final class TrackerPayloads {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int IO_COUNT = 8;

    private TrackerPayloads() {
    }

    /** A source state ({@code tracker/get_state} object) in {@code full} or {@code compact} format. */
    static ObjectNode state(TrackerSimulation t, boolean compact, Timestamps ts) {
        ObjectNode s = JSON.objectNode();
        s.put("source_id", t.sourceId);
        ObjectNode gps = s.putObject("gps");
        gps.put("updated", ts.format(t.gpsUpdated()));
        gps.put("signal_level", t.gpsSignalLevel());
        ObjectNode location = gps.putObject("location");
        location.put("lat", t.lat());
        location.put("lng", t.lng());
        gps.put("heading", t.headingInt());
        gps.put("speed", t.speedInt());
        gps.put("alt", t.altInt());
        s.put("connection_status", "active");
        s.put("movement_status", t.movementStatus());
        s.put("movement_status_update", ts.format(t.movementStatusUpdate()));
        s.put("ignition", t.ignition());
        s.put("ignition_update", ts.format(t.ignitionUpdate()));
        if (compact) {
            s.put("last_update", ts.format(t.lastUpdate()));
            s.set("inputs", inputs(t));
            s.set("outputs", outputs());
            return s;
        }
        ObjectNode gsm = s.putObject("gsm");
        gsm.put("updated", ts.format(t.lastUpdate()));
        gsm.put("signal_level", t.gsmSignal());
        gsm.put("network_name", "Tigo GT");
        gsm.putNull("roaming");
        s.put("last_update", ts.format(t.lastUpdate()));
        Integer battery = t.batteryLevel();
        if (battery == null) {
            s.putNull("battery_level");
            s.putNull("battery_update");
        } else {
            s.put("battery_level", battery);
            s.put("battery_update", ts.format(t.lastUpdate()));
        }
        s.set("inputs", inputs(t));
        s.put("inputs_update", ts.format(t.inputsUpdate()));
        s.set("outputs", outputs());
        s.put("outputs_update", ts.format(t.outputsUpdate()));
        s.put("actual_track_update", ts.format(t.actualTrackUpdate()));
        ObjectNode additional = s.putObject("additional");
        ObjectNode eventCode = additional.putObject("event_code");
        eventCode.put("value", Integer.toString(t.eventCode()));
        eventCode.put("updated", ts.format(t.lastUpdate()));
        return s;
    }

    private static ArrayNode inputs(TrackerSimulation t) {
        ArrayNode a = JSON.arrayNode();
        a.add(t.ignition());
        for (int i = 1; i < IO_COUNT; i++) {
            a.add(false);
        }
        return a;
    }

    private static ArrayNode outputs() {
        ArrayNode a = JSON.arrayNode();
        for (int i = 0; i < IO_COUNT; i++) {
            a.add(false);
        }
        return a;
    }

    /**
     * The readings of one tracker: {@code inputs}, {@code states}, {@code virtual_sensors}, {@code counters}. With a
     * {@code sensorType}, only inputs of that type are kept and states and counters are omitted (as Navixy documents).
     */
    static ObjectNode readings(TrackerSimulation t, String sensorType, Timestamps ts) {
        ObjectNode r = JSON.objectNode();
        String updated = ts.format(t.sensorsUpdate());
        ArrayNode inputs = r.putArray("inputs");
        long base = t.trackerId * 10;
        addInput(inputs, sensorType, "Board power", "", "board_voltage", "power", base + 1, t.boardVoltage(),
                "volt", updated);
        addInput(inputs, sensorType, "Fuel level", "L", "lls_level_1", "fuel", base + 2, t.fuelLitres(),
                "litre", updated);
        addInput(inputs, sensorType, "Cargo temperature", "°C", "temperature_1", "temperature", base + 3,
                t.temperatureC(), "celsius", updated);
        if (sensorType == null) {
            ArrayNode states = r.putArray("states");
            ObjectNode inputStatus = states.addObject();
            inputStatus.put("field", "input_status");
            inputStatus.put("value", t.ignition() ? 1 : 0);
            inputStatus.put("update_time", ts.format(t.inputsUpdate()));
            ObjectNode moving = states.addObject();
            moving.put("field", "moving");
            moving.put("value", "moving".equals(t.movementStatus()));
            moving.put("update_time", ts.format(t.movementStatusUpdate()));
        }
        ArrayNode virtual = r.putArray("virtual_sensors");
        if (sensorType == null || "ignition".equals(sensorType)) {
            ObjectNode engine = virtual.addObject();
            engine.put("label", "Engine");
            engine.put("name", "engine_state");
            engine.put("type", "ignition");
            engine.put("sensor_id", base + 4);
            engine.put("value", t.ignition() ? "On" : "Off");
            engine.put("update_time", ts.format(t.ignitionUpdate()));
        }
        if (sensorType == null) {
            ArrayNode counters = r.putArray("counters");
            ObjectNode odometer = counters.addObject();
            odometer.put("type", "odometer");
            odometer.put("value", t.odometerKm());
            odometer.put("update_time", ts.format(t.counterUpdate()));
            ObjectNode hours = counters.addObject();
            hours.put("type", "engine_hours");
            hours.put("value", t.engineHours());
            hours.put("update_time", ts.format(t.sensorsUpdate()));
        }
        return r;
    }

    private static void addInput(ArrayNode inputs, String sensorType, String label, String units, String name,
            String type, long sensorId, double value, String unitsType, String updated) {
        if (sensorType != null && !sensorType.equals(type)) {
            return;
        }
        ObjectNode i = inputs.addObject();
        i.put("label", label);
        i.put("units", units);
        i.put("name", name);
        i.put("type", type);
        i.put("sensor_id", sensorId);
        i.put("value", value);
        i.put("units_type", unitsType);
        i.putNull("converted_units_type");
        i.putNull("converted_value");
        i.put("update_time", updated);
    }

    /** One {@code iot_last_values} item: tracker_id, nonnull_fields, all_fields (maps of arrays, newest first). */
    static ObjectNode iotLastValues(TrackerSimulation t) {
        ObjectNode o = JSON.objectNode();
        o.put("tracker_id", t.trackerId);
        o.set("nonnull_fields", fields(t.iot().nonNullFields()));
        o.set("all_fields", fields(t.iot().allFields()));
        return o;
    }

    private static ObjectNode fields(Map<String, List<IotHistory.Entry>> byName) {
        ObjectNode o = JSON.objectNode();
        byName.forEach((name, entries) -> {
            ArrayNode a = o.putArray(name);
            for (IotHistory.Entry e : entries) {
                ObjectNode v = a.addObject();
                v.put("msg_time", Timestamps.isoUtc(e.msgTime()));
                v.put("srv_time", Timestamps.isoUtc(e.srvTime()));
                Object value = e.value();
                if (value == null) {
                    v.putNull("value");
                } else if (value instanceof Integer n) {
                    v.put("value", n);
                } else {
                    v.put("value", value.toString());
                }
            }
        });
        return o;
    }

    /** The timestamp of a readings item: when the tracker last reported. */
    static Instant readingsTime(TrackerSimulation t) {
        return t.sensorsUpdate();
    }
}
