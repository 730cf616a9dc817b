rule "aws-ec2-launch-config-encryption" {
  title     = "Launch configuration or template creates unencrypted EBS volumes"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_launch_configuration", "aws_launch_template"]
  aliases   = ["CKV_AWS_8", "AVD-AWS-0008", "aws-ec2-enable-launch-config-at-rest-encryption"]

  description = <<-EOT
    Every instance an Auto Scaling group launches from this configuration gets the volumes it
    describes. When a `root_block_device` or `ebs_block_device` block (launch configuration) or a
    `block_device_mappings.ebs` block (launch template) leaves `encrypted` unset or `false`, those
    volumes and all their snapshots hold the instances' data in plaintext. Encryption is the
    customer's choice under the shared responsibility model; `encrypted` defaults to `false`.
    Account-level EBS encryption by default also covers these volumes; declare it here as well or
    suppress the finding.
  EOT
  remediation = "Set `encrypted = true` in every `root_block_device`/`ebs_block_device` block of the launch configuration, or in every `block_device_mappings { ebs { ... } }` of the launch template (with `kms_key_id` for a customer-managed key)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_configuration#block-devices",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#block-devices",
  ]

  assert {
    each "root_block_device" {
      attribute "encrypted" {
        equals  = true
        default = false
      }
    }
    each "ebs_block_device" {
      attribute "encrypted" {
        equals  = true
        default = false
      }
    }
    each "block_device_mappings.ebs" {
      attribute "encrypted" {
        equals  = true
        default = false
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_launch_configuration" "web" {
        image_id      = "ami-0123456789abcdef0"
        instance_type = "t3.micro"

        root_block_device {
          volume_size = 20
          encrypted   = false  # expect: aws-ec2-launch-config-encryption
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_launch_template" "web" {
        image_id      = "ami-0123456789abcdef0"
        instance_type = "t3.micro"

        block_device_mappings {
          device_name = "/dev/xvda"

          ebs {  # expect: aws-ec2-launch-config-encryption
            volume_size = 20
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_launch_template" "web" {
        image_id      = "ami-0123456789abcdef0"
        instance_type = "t3.micro"

        block_device_mappings {
          device_name = "/dev/xvda"

          ebs {
            volume_size = 20
            encrypted   = "true"
          }
        }
      }

      resource "aws_launch_configuration" "web" {
        image_id      = "ami-0123456789abcdef0"
        instance_type = "t3.micro"

        root_block_device {
          encrypted = true
        }

        ebs_block_device {
          device_name = "/dev/sdf"
          encrypted   = true
        }
      }
    EOT
  }
}
