rule "aws-ec2-user-data-secrets" {
  title     = "Instance user data contains an AWS access key or a literal password"
  severity  = "critical"
  area      = "identity-access"
  secret_values = true
  resources = ["aws_instance", "aws_launch_template", "aws_launch_configuration"]
  aliases = [
    "CKV_AWS_46",
    "AVD-AWS-0029", "aws-ec2-no-secrets-in-user-data",
    "AVD-AWS-0129", "aws-ec2-no-secrets-in-launch-template-user-data",
    "AVD-AWS-0122", "aws-ec2-no-sensitive-info",
  ]

  description = <<-EOT
    User data is not secret: anyone who can describe the instance attribute, and every process on
    the instance through the metadata service, can read it, and it is stored in the Terraform state
    and the repository. An AWS access key ID (`AKIA...`, `ASIA...`) with its secret there hands
    the key's permissions to all of them, for as long as the key lives. Critical: it is a directly
    usable credential. Credentials are the customer's to protect under the shared responsibility
    model. The rule looks in `user_data` for access key IDs, `aws_secret_access_key` assignments
    and shell assignments of a literal to a variable named like PASSWORD, SECRET, TOKEN or API_KEY
    (`DB_PASSWORD=hunter2`); values taken from a command or variable (`TOKEN=$(aws secretsmanager
    ...)`) are not flagged. Base64 text is not decoded: a literal `user_data_base64`, and a
    `base64encode(...)` call (the usual form of `aws_launch_template` user data), are not looked
    into, so Trivy's AVD-AWS-0122 finding on an encoded literal is not reported (the engine needs
    a base64-decoding test; a pattern on the encoded text would depend on byte alignment).
  EOT
  remediation = "Remove the keys (and rotate them), attach an instance profile (`iam_instance_profile`) with the permissions the instance needs, and fetch other secrets at boot from Secrets Manager or SSM Parameter Store."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#user_data",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
  ]

  assert {
    attribute "user_data" {
      not_matches = "\\b(AKIA|ASIA|A3T[A-Z0-9])[A-Z0-9]{16}\\b|(?i:aws_secret_access_key)\\s*[=:]\\s*[\"']?[A-Za-z0-9/+]{40}|(?i:[a-z0-9_]*(password|passwd|secret|token|api_?key)[a-z0-9_]*)=\\\\?[\"']?[^\\s\"'$\\\\]"
      default     = ""
    }
  }

  example "bad" {
    lines = [4]
    code  = <<-EOT
      resource "aws_instance" "worker" {
        ami           = "ami-0123456789abcdef0"
        instance_type = "t3.micro"
        user_data     = <<-SCRIPT
          #!/bin/bash
          export AWS_ACCESS_KEY_ID=AKIAZ7QEXAMPLE4KEY12
          aws s3 sync s3://example-config /etc/app
        SCRIPT
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      locals {
        boot = "#!/bin/sh\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEY12\n"
      }

      resource "aws_launch_configuration" "worker" {
        image_id      = "ami-0123456789abcdef0"
        instance_type = "t3.micro"
        user_data     = local.boot  # expect: aws-ec2-user-data-secrets
      }
    EOT
  }

  example "bad" {
    lines = [4]
    code  = <<-EOT
      resource "aws_launch_configuration" "web" {
        image_id      = "ami-0123456789abcdef0"
        instance_type = "t3.micro"
        user_data     = <<-SCRIPT
          #!/bin/bash
          export DATABASE_PASSWORD="s3cr3t-Passw0rd"
        SCRIPT
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_instance" "worker" {
        ami                  = "ami-0123456789abcdef0"
        instance_type        = "t3.micro"
        iam_instance_profile = "worker"
        user_data            = <<-SCRIPT
          #!/bin/bash
          TOKEN=$(aws secretsmanager get-secret-value --secret-id app/token --query SecretString --output text)
          aws s3 sync s3://example-config /etc/app
        SCRIPT
      }
    EOT
  }
}
