rule "aws-ec2-instance-block-device-encryption" {
  title     = "Instance root or EBS block device is not encrypted"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_instance"]
  aliases   = ["CKV_AWS_8", "AVD-AWS-0131", "aws-ec2-enable-at-rest-encryption"]

  description = <<-EOT
    The root and attached EBS volumes of an instance hold the operating system, application files,
    logs and often credentials. Unencrypted, they and every snapshot or AMI made from them are
    plaintext for anyone who gets snapshot or image permissions, or a copy shared by mistake.
    Encryption is the customer's choice under the shared responsibility model. `encrypted`
    defaults to `false` in `root_block_device` and `ebs_block_device` unless the AMI snapshot is
    encrypted; an instance without a `root_block_device` block takes the AMI's setting, which
    this rule cannot see, so it asks for the block. Account-level encryption by default also
    encrypts the volumes; declare it on the instance as well or suppress the finding.
  EOT
  remediation = "Add `root_block_device { encrypted = true }` (with `kms_key_id` for a customer-managed key) and set `encrypted = true` in every `ebs_block_device` block."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#ebs-ephemeral-and-root-block-devices",
    "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html",
  ]

  assert {
    attribute "root_block_device.encrypted" {
      equals = true
    }
    each "ebs_block_device" {
      attribute "encrypted" {
        equals  = true
        default = false
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_instance" "app" {
        ami           = "ami-0123456789abcdef0"
        instance_type = "t3.micro"

        root_block_device {
          encrypted = false  # expect: aws-ec2-instance-block-device-encryption
        }

        ebs_block_device {
          device_name = "/dev/sdf"
          volume_size = 50
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_instance" "app" {  # expect: aws-ec2-instance-block-device-encryption
        ami           = "ami-0123456789abcdef0"
        instance_type = "t3.micro"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_instance" "app" {
        ami           = "ami-0123456789abcdef0"
        instance_type = "t3.micro"

        root_block_device {
          encrypted = true
        }

        ebs_block_device {  # expect: aws-ec2-instance-block-device-encryption
          device_name = "/dev/sdf"
          volume_size = 50
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_instance" "app" {
        ami           = "ami-0123456789abcdef0"
        instance_type = "t3.micro"

        root_block_device {
          encrypted  = true
          kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000"
        }

        ebs_block_device {
          device_name = "/dev/sdf"
          volume_size = 50
          encrypted   = true
        }
      }
    EOT
  }
}
