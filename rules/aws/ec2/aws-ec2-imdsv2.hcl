rule "aws-ec2-imdsv2" {
  title     = "EC2 instance metadata service accepts IMDSv1 requests (session tokens not required)"
  severity  = "high"
  area      = "application-workload"
  resources = ["aws_instance", "aws_launch_template", "aws_launch_configuration"]
  aliases = [
    "CKV_AWS_79",
    "AVD-AWS-0028", "aws-ec2-enforce-http-token-imds",
    "AVD-AWS-0130", "aws-ec2-enforce-launch-config-http-token-imds",
  ]
  compliance = {
    "cis-aws-3.0" = ["5.6"]
  }

  description = <<-EOT
    The instance metadata service hands out the temporary credentials of the instance's IAM role.
    IMDSv1 answers a plain HTTP GET, so a server-side request forgery flaw, an open reverse proxy
    or a misconfigured firewall in the application is enough for an attacker to read the
    credentials and use them from anywhere. IMDSv2 requires a session token obtained with a PUT
    request and a hop limit, which these flaws generally cannot produce. `http_tokens` defaults
    to `optional` (IMDSv1 allowed) in the provider. The instance and its software are the
    customer's responsibility under the shared responsibility model. Setting
    `http_endpoint = "disabled"` turns the metadata service off entirely and is also accepted. AMIs
    registered with `imds_support = "v2.0"` and account-level `aws_ec2_instance_metadata_defaults`
    can also enforce IMDSv2; this rule does not see them, so state the setting on the instance.
  EOT
  remediation = "Add `metadata_options { http_tokens = \"required\" }` (with `http_endpoint = \"enabled\"` and a small `http_put_response_hop_limit`, 1, or 2 for containers), after checking that your SDKs and agents support IMDSv2."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#metadata-options",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#metadata-options",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html",
    "https://aws.amazon.com/blogs/security/defense-in-depth-open-firewalls-reverse-proxies-ssrf-vulnerabilities-ec2-instance-metadata-service",
  ]

  assert {
    any {
      attribute "metadata_options.http_tokens" {
        equals  = "required"
        default = "optional"
      }
      attribute "metadata_options.http_endpoint" {
        equals  = "disabled"
        default = "enabled"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_instance" "web" {  # expect: aws-ec2-imdsv2
        ami           = "ami-0123456789abcdef0"
        instance_type = "t3.micro"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_launch_template" "web" {
        name_prefix   = "web-"
        image_id      = "ami-0123456789abcdef0"
        instance_type = "t3.micro"

        metadata_options {
          http_endpoint = "enabled"
          http_tokens   = "optional"  # expect: aws-ec2-imdsv2
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_instance" "web" {
        ami           = "ami-0123456789abcdef0"
        instance_type = "t3.micro"

        metadata_options {
          http_endpoint               = "enabled"
          http_tokens                 = "required"
          http_put_response_hop_limit = 1
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_launch_template" "batch" {
        name_prefix   = "batch-"
        image_id      = "ami-0123456789abcdef0"
        instance_type = "c6i.large"

        metadata_options {
          http_endpoint = "disabled"
        }
      }
    EOT
  }
}
