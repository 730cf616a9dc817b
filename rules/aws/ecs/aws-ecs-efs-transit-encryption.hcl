rule "aws-ecs-efs-transit-encryption" {
  title     = "ECS task mounts an EFS volume without encryption in transit"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_ecs_task_definition"]
  aliases   = ["CKV_AWS_97", "AVD-AWS-0035", "aws-ecs-enable-in-transit-encryption"]

  description = <<-EOT
    An EFS volume mounted by a task without TLS sends file contents in cleartext across the VPC
    network between the container host and the mount target, where anyone able to capture traffic
    in the subnet can read or alter it. `efs_volume_configuration.transit_encryption` defaults to
    `DISABLED`; encrypting in transit is the customer's choice under the shared responsibility
    model. High: unencrypted sensitive data on the network.
  EOT
  remediation = "Set `transit_encryption = \"ENABLED\"` in every `efs_volume_configuration` block (it is required for IAM authorization through `authorization_config` too)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_task_definition#efs_volume_configuration",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html",
  ]

  assert {
    each "volume.efs_volume_configuration" {
      attribute "transit_encryption" {
        equals  = "ENABLED"
        default = "DISABLED"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ecs_task_definition" "files" {
        family                = "files"
        container_definitions = jsonencode([{ name = "files", image = "example/files:1.0", memory = 256 }])

        volume {
          name = "shared"

          efs_volume_configuration {  # expect: aws-ecs-efs-transit-encryption
            file_system_id = "fs-0123456789abcdef0"
            root_directory = "/shared"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_ecs_task_definition" "files" {
        family                = "files"
        container_definitions = jsonencode([{ name = "files", image = "example/files:1.0", memory = 256 }])

        volume {
          name = "shared"

          efs_volume_configuration {
            file_system_id     = "fs-0123456789abcdef0"
            transit_encryption = "ENABLED"

            authorization_config {
              iam = "ENABLED"
            }
          }
        }

        volume {
          name      = "scratch"
          host_path = "/ecs/scratch"
        }
      }
    EOT
  }
}
