package dev.newsvault.cli;
public class Main { public static void main(String[] a) {} }
