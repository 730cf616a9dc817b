rule "aws-ecs-privileged-container" {
  title     = "ECS task definition runs a privileged container"
  severity  = "high"
  area      = "application-workload"
  resources = ["aws_ecs_task_definition"]

  description = <<-EOT
    A container with `"privileged": true` gets every Linux capability and access to the host's
    devices: code running in it (a compromised dependency, a remote-code-execution bug) can load
    kernel modules, mount the host file system and take over the EC2 container instance with all
    the other tasks on it. Container settings are the customer's workload configuration under the
    shared responsibility model. High: it turns a container compromise into a host compromise.
    The rule reads the JSON of `container_definitions` (a `jsonencode(...)` expression or a JSON
    string).
  EOT
  remediation = "Remove `privileged` from the container definition (or set it to `false`) and grant only the specific `linuxParameters.capabilities` the container needs."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security",
  ]

  assert {
    attribute "container_definitions" {
      not_matches = "\"privileged\"\\s*:\\s*true"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ecs_task_definition" "agent" {
        family = "agent"
        container_definitions = jsonencode([  # expect: aws-ecs-privileged-container
          {
            name       = "agent"
            image      = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/agent:1.4.2"
            memory     = 512
            essential  = true
            privileged = true
          }
        ])
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_ecs_task_definition" "web" {
        family = "web"
        container_definitions = jsonencode([
          {
            name       = "web"
            image      = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:2.0.1"
            memory     = 512
            essential  = true
            privileged = false
          }
        ])
      }
    EOT
  }
}
