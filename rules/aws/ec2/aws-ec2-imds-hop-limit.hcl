rule "aws-ec2-imds-hop-limit" {
  title     = "Instance metadata response hop limit lets containers reach the instance credentials"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_instance", "aws_launch_template"]
  aliases   = ["CKV_AWS_341"]

  description = <<-EOT
    The instance metadata service hands out the instance role's credentials. With
    `http_put_response_hop_limit` above 1, the IMDSv2 token response survives an extra network hop,
    so a container on a bridge network, or a proxied request from a server-side request forgery,
    can obtain a token and the credentials. Metadata options are customer configuration under the
    shared responsibility model. Medium: it widens who on the host can use the role. The limit
    defaults to 1; hosts whose containers must use the instance role (some EKS node setups) need 2
    and should say so in a suppression.
  EOT
  remediation = "Set `metadata_options { http_tokens = \"required\", http_put_response_hop_limit = 1 }`; give containers their own credentials (ECS task roles, EKS Pod Identity or IRSA)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#http_put_response_hop_limit",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html",
  ]

  assert {
    attribute "metadata_options.http_put_response_hop_limit" {
      lte     = 1
      default = 1
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_launch_template" "nodes" {
        image_id      = "ami-0123456789abcdef0"
        instance_type = "m6i.large"

        metadata_options {
          http_tokens                 = "required"
          http_put_response_hop_limit = 3  # expect: aws-ec2-imds-hop-limit
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_instance" "app" {
        ami           = "ami-0123456789abcdef0"
        instance_type = "t3.micro"

        metadata_options {
          http_tokens                 = "required"
          http_put_response_hop_limit = 1
        }
      }
    EOT
  }
}
