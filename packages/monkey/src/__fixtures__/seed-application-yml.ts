// The seed's application.yml blocks, verbatim.
export const gettingStarted = `
spring:
  profiles:
    active: chaos-monkey

chaos:
  monkey:
    enabled: true
    assaults:
      level: 3  # Probability of an assault occurring (1-10)
      latencyActive: true
      latencyRangeStart: 2000  # Min latency in ms
      latencyRangeEnd: 5000    # Max latency in ms
      exceptionsActive: true
      killApplicationActive: false
    watcher:
      controller: true
      service: true
      repository: true
      restController: true
`;

export const caseStudy = `
# application.yml for Spring Boot services
chaos:
  monkey:
    enabled: true
    assaults:
      level: 3
      latencyActive: true
      latencyRangeStart: 500
      latencyRangeEnd: 1500
      exceptionsActive: true
    watcher:
      service: true
      repository: true
`;
