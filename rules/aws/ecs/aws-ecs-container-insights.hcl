rule "aws-ecs-container-insights" {
  title     = "ECS cluster does not have Container Insights enabled"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_ecs_cluster"]
  aliases   = ["CKV_AWS_65", "AVD-AWS-0034", "aws-ecs-enable-container-insight"]

  description = <<-EOT
    Container Insights collects per-task and per-container CPU, memory, network and restart metrics
    and events. Without it an unexpected crypto-miner, a crash-looping compromised task or a
    resource-exhaustion attack goes unnoticed until something breaks. It is off unless the cluster
    has `setting { name = "containerInsights", value = "enabled" }` (or `"enhanced"`); monitoring
    is the customer's side of the shared responsibility model. Low: it is observability.
  EOT
  remediation = "Add `setting { name = \"containerInsights\" value = \"enabled\" }` to the `aws_ecs_cluster`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_cluster#setting",
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html",
  ]

  assert {
    some "setting" {
      attribute "name" {
        equals = "containerInsights"
      }
      attribute "value" {
        one_of = ["enabled", "enhanced"]
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ecs_cluster" "main" {  # expect: aws-ecs-container-insights
        name = "main"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ecs_cluster" "main" {
        name = "main"

        setting {
          name  = "containerInsights"
          value = "disabled"  # expect: aws-ecs-container-insights
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_ecs_cluster" "main" {
        name = "main"

        setting {
          name  = "containerInsights"
          value = "enabled"
        }
      }
    EOT
  }
}
