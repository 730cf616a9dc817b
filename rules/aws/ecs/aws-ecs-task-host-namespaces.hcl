rule "aws-ecs-task-host-namespaces" {
  title     = "ECS task shares the host's network, process or IPC namespace"
  severity  = "medium"
  area      = "application-workload"
  resources = ["aws_ecs_task_definition"]

  description = <<-EOT
    With `network_mode = "host"` the containers use the EC2 instance's network stack directly: they
    can bind any host port, reach the instance metadata service without the task-role isolation of
    `awsvpc`, and see traffic of other tasks. `pid_mode = "host"` lets them see and signal every
    process on the host, and `ipc_mode = "host"` share its shared memory. Each weakens the isolation
    between a compromised container and the rest of the instance. Task isolation is the customer's
    workload configuration under the shared responsibility model. Medium: it widens the blast
    radius of a container compromise.
  EOT
  remediation = "Use `network_mode = \"awsvpc\"` (or `bridge`), and remove `pid_mode = \"host\"` and `ipc_mode = \"host\"` unless a monitoring agent truly needs them (then suppress with the reason)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition#network_mode",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#network_mode",
  ]

  assert {
    attribute "network_mode" {
      not_equals = "host"
      default    = "bridge"
    }
    attribute "pid_mode" {
      not_equals = "host"
      default    = "task"
    }
    attribute "ipc_mode" {
      not_equals = "host"
      default    = "none"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ecs_task_definition" "agent" {
        family                = "agent"
        network_mode          = "host"  # expect: aws-ecs-task-host-namespaces
        container_definitions = jsonencode([{ name = "agent", image = "example/agent:1.0", memory = 256 }])
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ecs_task_definition" "agent" {
        family                = "agent"
        network_mode          = "awsvpc"
        pid_mode              = "host"  # expect: aws-ecs-task-host-namespaces
        container_definitions = jsonencode([{ name = "agent", image = "example/agent:1.0", memory = 256 }])
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_ecs_task_definition" "api" {
        family                   = "api"
        network_mode             = "awsvpc"
        requires_compatibilities = ["FARGATE"]
        cpu                      = 256
        memory                   = 512
        container_definitions    = jsonencode([{ name = "api", image = "example/api:1.0" }])
      }
    EOT
  }
}
