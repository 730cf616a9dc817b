rule "aws-ecs-service-public-ip" {
  title     = "ECS service gives its tasks public IP addresses"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_ecs_service"]
  aliases   = ["CKV_AWS_333"]

  description = <<-EOT
    With `network_configuration.assign_public_ip = true` every task of an `awsvpc` service (Fargate
    in particular) gets a public address, so its containers are reachable from the internet as far
    as the security groups allow, bypassing the load balancer meant to front them. Task placement
    in private subnets is the customer's network design under the shared responsibility model.
    High: it exposes workloads directly. The attribute defaults to `false`.
  EOT
  remediation = "Set `assign_public_ip = false` (or remove it), run the tasks in private subnets with a NAT gateway or VPC endpoints for outbound access, and publish them through a load balancer."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service#assign_public_ip",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html",
  ]

  assert {
    attribute "network_configuration.assign_public_ip" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ecs_service" "api" {
        name            = "api"
        cluster         = "main"
        task_definition = "api:3"
        launch_type     = "FARGATE"
        desired_count   = 2

        network_configuration {
          subnets          = ["subnet-0123456789abcdef0"]
          security_groups  = ["sg-0123456789abcdef0"]
          assign_public_ip = true  # expect: aws-ecs-service-public-ip
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_ecs_service" "api" {
        name            = "api"
        cluster         = "main"
        task_definition = "api:3"
        launch_type     = "FARGATE"
        desired_count   = 2

        network_configuration {
          subnets         = ["subnet-0123456789abcdef0"]
          security_groups = ["sg-0123456789abcdef0"]
        }
      }
    EOT
  }
}
