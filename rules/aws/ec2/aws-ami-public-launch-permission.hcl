rule "aws-ami-public-launch-permission" {
  title     = "AMI is shared with everyone (public launch permission)"
  severity  = "critical"
  area      = "data-protection"
  resources = ["aws_ami_launch_permission"]

  description = <<-EOT
    `group = "all"` makes the image public: any AWS account can launch it and read every file on
    its snapshots, including application code, configuration, SSH host keys, cached credentials
    and data left on the disk when the image was captured. Images shared this way by mistake are
    found and mined by automated scanners. Who may launch an image is the customer's access control
    under the shared responsibility model. Critical: direct public exposure of the image's data.
  EOT
  remediation = "Share the AMI with specific accounts (`account_id`), an organization (`organization_arn`) or an OU (`organizational_unit_arn`) instead of `group = \"all\"`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ami_launch_permission",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/sharingamis-intro.html",
  ]

  assert {
    attribute "group" {
      not_equals = "all"
      default    = ""
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ami_launch_permission" "public" {
        image_id = "ami-0123456789abcdef0"
        group    = "all"  # expect: aws-ami-public-launch-permission
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_ami_launch_permission" "partner" {
        image_id   = "ami-0123456789abcdef0"
        account_id = "111122223333"
      }
    EOT
  }
}
