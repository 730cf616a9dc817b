path_rule "aws-path-internet-instance-iam-escalation" {
  title    = "Internet-reachable EC2 instance runs with a role that can escalate its privilege through IAM"
  severity = "high"
  search   = "internet-instance-iam-escalation"

  description = <<-EOT
    The instance, or an instance an Auto Scaling group launches from a launch template, is
    reachable from the internet (a public IP address, a route to an internet gateway and a
    security group open to 0.0.0.0/0) and its instance-profile role may pass any role
    to a service (`iam:PassRole` on every resource), create a new version of a policy
    (`iam:CreatePolicyVersion`) or attach policies to roles (`iam:AttachRolePolicy`). Any of these
    lets whoever takes over the instance grant itself more: a new default policy version with
    `*`, an administrator policy attached to its own role, or a privileged role passed to a new
    function or instance it controls. High: an internet entry combined with a path to
    administrator rather than administrator itself (roles that are already administrators are
    reported by aws-path-internet-instance-admin-role).
  EOT
  remediation = "Remove the IAM write actions from the role's policy, or name the roles `iam:PassRole` may pass in `Resource` (the cheapest single change: the workload rarely needs them); or take the instance off the internet."
  references = [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
  ]

  example "bad" {
    code = <<-EOT
      resource "aws_instance" "build" { # expect: aws-path-internet-instance-iam-escalation
        ami                         = "ami-0123456789abcdef0"
        instance_type               = "t3.micro"
        associate_public_ip_address = true
        vpc_security_group_ids      = [aws_security_group.ssh.id]
        iam_instance_profile        = aws_iam_instance_profile.build.name
      }

      resource "aws_security_group" "ssh" {
        ingress {
          from_port   = 22
          to_port     = 22
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }

      resource "aws_iam_instance_profile" "build" {
        name = "build"
        role = aws_iam_role.build.name
      }

      resource "aws_iam_role" "build" {
        name               = "build"
        assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
      }

      resource "aws_iam_role_policy" "deploy" {
        role   = aws_iam_role.build.id
        policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["iam:PassRole", "lambda:CreateFunction"], Resource = "*" }] })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_instance" "build" {
        ami                         = "ami-0123456789abcdef0"
        instance_type               = "t3.micro"
        associate_public_ip_address = true
        vpc_security_group_ids      = [aws_security_group.ssh.id]
        iam_instance_profile        = aws_iam_instance_profile.build.name
      }

      resource "aws_security_group" "ssh" {
        ingress {
          from_port   = 22
          to_port     = 22
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }

      resource "aws_iam_instance_profile" "build" {
        name = "build"
        role = aws_iam_role.build.name
      }

      resource "aws_iam_role" "build" {
        name               = "build"
        assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
      }

      resource "aws_iam_role_policy" "deploy" {
        role   = aws_iam_role.build.id
        policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["iam:PassRole", "lambda:CreateFunction"], Resource = "arn:aws:iam::123456789012:role/app-runtime" }] })
      }
    EOT
  }
}
