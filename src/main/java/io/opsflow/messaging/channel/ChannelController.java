package io.opsflow.messaging.channel;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /api/v1/messaging/channels}: admins configure channels; secrets go in and never come out. */
@RestController
@RequestMapping("/api/v1/messaging/channels")
@PreAuthorize("hasAuthority('GROUP_admin')")
class ChannelController {

    private final ChannelConfigs configs;
    private final ChannelTester tester;

    ChannelController(ChannelConfigs configs, ChannelTester tester) {
        this.configs = configs;
        this.tester = tester;
    }

    @GetMapping
    List<ChannelView> list() {
        return configs.all().stream().map(ChannelView::of).toList();
    }

    @GetMapping("/{id}")
    ChannelView get(@PathVariable String id) {
        return ChannelView.of(find(id));
    }

    @PostMapping
    ResponseEntity<ChannelView> create(@RequestBody ChannelInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ChannelView.of(configs.save(input.toConfig(null), input.secret())));
    }

    @PutMapping("/{id}")
    ChannelView update(@PathVariable String id, @RequestBody ChannelInput input) {
        find(id);
        return ChannelView.of(configs.save(input.toConfig(id), input.secret()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        return configs.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    record TestRequest(String to) {}

    @PostMapping("/{id}/test")
    ChannelTester.Result test(@PathVariable String id, @RequestBody TestRequest request) {
        if (request.to() == null || request.to().isBlank()) {
            throw new IllegalArgumentException("'to' is required: an address or user id to send the test message to");
        }
        return tester.test(find(id), request.to().trim());
    }

    private ChannelConfig find(String id) {
        return configs.byId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no channel " + id));
    }
}
